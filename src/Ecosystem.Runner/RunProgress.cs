namespace Ecosystem.Runner;

/// <summary>Progress of a run after a tick.</summary>
public sealed record RunProgress(int CompletedTicks, int TotalTicks, long DocumentsPublished, int GenerationsTrained, TimeSpan Elapsed);
