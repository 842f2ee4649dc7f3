namespace Ecosystem.Watermarking;

/// <summary>A document's green-token count under one key: s = <paramref name="Green"/> of T = <paramref name="Scored"/>
/// scored tokens, and the z-score of Kirchenbauer et al., z = (s - gamma T) / sqrt(T gamma (1 - gamma)).</summary>
public readonly record struct WatermarkScore(int Green, int Scored, double Z);
