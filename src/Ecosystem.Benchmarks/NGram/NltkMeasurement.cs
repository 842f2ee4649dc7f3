namespace Ecosystem.Benchmarks.NGram;

/// <summary>What the NLTK peer script (benchmarks/peers/nltk_kneser_ney.py) measured, as it writes it.</summary>
/// <param name="Nltk">NLTK version.</param>
/// <param name="Python">Python version.</param>
/// <param name="Order">n-gram order.</param>
/// <param name="Discount">Kneser-Ney discount.</param>
/// <param name="TrainTokens">Training tokens.</param>
/// <param name="VocabularySize">len(model.vocab): the training tokens, the begin symbol and &lt;UNK&gt;.</param>
/// <param name="FitSeconds">Seconds to build the n-grams and fit (count) them.</param>
/// <param name="ScoredTokens">Held-out tokens scored.</param>
/// <param name="ScoreSeconds">Seconds to score them.</param>
/// <param name="Probabilities">model.score(token, history) of each held-out token, in order.</param>
/// <param name="SampledTokens">Tokens drawn with model.generate.</param>
/// <param name="SampleSeconds">Seconds to draw them.</param>
/// <param name="BigramTypes">Distinct bigrams N1+(• •).</param>
/// <param name="UnigramTypes">Distinct tokens with a continuation count N1+(• w) &gt; 0.</param>
/// <param name="UnigramWeights">For the first held-out tokens: the product of the interpolation weights above the unigram level.</param>
/// <param name="ContinuationCounts">For the same tokens: N1+(• w).</param>
public sealed record NltkMeasurement(
    string Nltk,
    string Python,
    int Order,
    double Discount,
    long TrainTokens,
    int VocabularySize,
    double FitSeconds,
    int ScoredTokens,
    double ScoreSeconds,
    double[] Probabilities,
    int SampledTokens,
    double SampleSeconds,
    long BigramTypes,
    long UnigramTypes,
    double[] UnigramWeights,
    long[] ContinuationCounts);
