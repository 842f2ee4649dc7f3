namespace Ecosystem.Benchmarks.NGram;

/// <summary>What was measured of the simulator's n-gram model at one training size.</summary>
/// <param name="TrainingTokens">Training tokens.</param>
/// <param name="FitSeconds">Median seconds of one fit.</param>
/// <param name="ScoreTokensPerSecond">Held-out tokens scored per second.</param>
/// <param name="SampleTokensPerSecond">Tokens sampled per second (T = 1).</param>
/// <param name="Probabilities">P(token | history) of every held-out token scored, in order.</param>
/// <param name="VocabularyTypes">Distinct training tokens.</param>
/// <param name="SplitPerplexity">Perplexity on the whole held-out split.</param>
/// <param name="SplitTokens">Tokens in the whole held-out split.</param>
public sealed record OurNGramMeasurement(
    long TrainingTokens,
    double FitSeconds,
    double ScoreTokensPerSecond,
    double SampleTokensPerSecond,
    IReadOnlyList<double> Probabilities,
    double VocabularyTypes,
    double SplitPerplexity,
    long SplitTokens);
