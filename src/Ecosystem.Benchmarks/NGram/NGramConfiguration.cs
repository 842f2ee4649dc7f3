namespace Ecosystem.Benchmarks.NGram;

/// <summary>What the ngram suite measures: model order and discount, training sizes, and how much held-out text and
/// sampling the (slow) NLTK peer is given.</summary>
/// <param name="Order">n-gram order of both models.</param>
/// <param name="Discount">Kneser-Ney discount of both models (NLTK's default is 0.1; ours, and the scenario default, 0.75).</param>
/// <param name="TrainingTokens">Training sizes, in tokens (rounded down to whole documents).</param>
/// <param name="HeldOutDocuments">Held-out documents scored by both models, evenly spaced over the held-out split.</param>
/// <param name="NltkSampleTokens">Tokens NLTK samples (whole documents from the start, so the costly first token of a document counts).</param>
/// <param name="NltkSampleSeconds">Time limit of NLTK's sampling.</param>
/// <param name="DecompositionTokens">Held-out tokens whose interpolation weights NLTK reports, to check where the models differ.</param>
public sealed record NGramConfiguration(
    int Order,
    double Discount,
    IReadOnlyList<int> TrainingTokens,
    int HeldOutDocuments,
    int NltkSampleTokens,
    double NltkSampleSeconds,
    int DecompositionTokens)
{
    /// <summary>Tokens per document: the scenario default, so the split is the one the simulator evaluates on.</summary>
    public const int DocumentTokens = 128;

    /// <summary>Trigrams on 50k and 200k tokens; 2,048 held-out tokens; one 128-token NLTK document.</summary>
    public static NGramConfiguration Full { get; } = new(3, 0.75, [50_000, 200_000], 16, 128, 300, 512);

    /// <summary>A smoke test: 10k tokens, 256 held-out tokens, 16 NLTK tokens.</summary>
    public static NGramConfiguration Quick { get; } = new(3, 0.75, [10_000], 2, 16, 30, 64);
}
