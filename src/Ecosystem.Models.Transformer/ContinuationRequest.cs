namespace Ecosystem.Models.Transformer;

/// <summary>What to generate: prompts in model ids (each starting with the begin symbol), continuation length, and
/// the decoding settings.</summary>
internal sealed record ContinuationRequest(IReadOnlyList<int[]> Prompts, int Length, double Temperature, double TopP, int Beams);
