namespace Ecosystem.Benchmarks.Results;

/// <summary>One measured figure: which suite and case it belongs to, which implementation produced it (for side-by-side
/// suites), what was measured, its value and unit.</summary>
/// <param name="Suite">Suite name (engine, ngram, transformer).</param>
/// <param name="Case">The configuration measured within the suite (for example "authors-1000" or "train-50k").</param>
/// <param name="Implementation">Who produced the figure: ours ("ecosystem", "embedded silo", "TorchSharp ..."), a peer
/// ("NLTK", "PyTorch ..."), or "comparison" for ratios and agreement figures computed from both.</param>
/// <param name="Metric">What was measured, in snake case.</param>
/// <param name="Value">The value.</param>
/// <param name="Unit">Unit of <paramref name="Value"/> (documents/s, bytes, s, tokens/s, ratio, ...).</param>
public sealed record BenchmarkResult(string Suite, string Case, string Implementation, string Metric, double Value, string Unit);
