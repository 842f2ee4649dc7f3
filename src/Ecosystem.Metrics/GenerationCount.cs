namespace Ecosystem.Metrics;

/// <summary>Synthetic documents and tokens of one model generation number (all vendors) in a corpus.</summary>
/// <param name="Generation">The model generation.</param>
/// <param name="Documents">Documents published by that generation of any vendor.</param>
/// <param name="Tokens">Units (tokens or values) in those documents.</param>
public sealed record GenerationCount(int Generation, long Documents, long Tokens);
