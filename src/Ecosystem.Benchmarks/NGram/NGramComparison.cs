namespace Ecosystem.Benchmarks.NGram;

/// <summary>The simulator's and NLTK's probabilities of the same held-out tokens, compared.</summary>
/// <remarks>Both are interpolated Kneser-Ney with one discount D: P_n(w|h) = α_n + γ_n P_{n-1}(w|h'), with raw counts at
/// the top order, continuation counts below and γ = 1 for an unseen context. They differ only at the bottom: ours uses
/// P_1(w) = max(N1+(•w) − D, 0)/N1+(••) + λ/V with λ = D·T/N1+(••) (T distinct tokens, V = 50,257 GPT-2 ids), NLTK
/// P_1(w) = N1+(•w)/N1+(••), which is 0 for a token never seen in training. So ours should equal
/// P_NLTK + Γ·(P_1,ours − P_1,NLTK), Γ the product of the γs above the unigram level; the decomposition check measures
/// how far it is from that.</remarks>
/// <param name="Tokens">Held-out tokens scored by both.</param>
/// <param name="NltkZeroTokens">Tokens to which NLTK gives probability 0 (never seen in training).</param>
/// <param name="OursPerplexityAll">Our perplexity over all <paramref name="Tokens"/>.</param>
/// <param name="OursPerplexityCommon">Our perplexity over the tokens NLTK gives non-zero probability.</param>
/// <param name="NltkPerplexityCommon">NLTK's perplexity over the same tokens.</param>
/// <param name="MeanAbsLogDifference">Mean |ln p_ours − ln p_NLTK| over those tokens (nats).</param>
/// <param name="OursLowerShare">Share of those tokens to which ours gives the lower probability.</param>
/// <param name="UniformShare">λ = D·T/N1+(••): the share of the unigram level that ours spreads uniformly over V ids.</param>
/// <param name="DecompositionTokens">Tokens checked against the decomposition.</param>
/// <param name="DecompositionMaxRelativeError">Largest |p_ours − (P_NLTK + Γ·ΔP_1)| / p_ours over them.</param>
public sealed record NGramComparison(
    int Tokens,
    int NltkZeroTokens,
    double OursPerplexityAll,
    double OursPerplexityCommon,
    double NltkPerplexityCommon,
    double MeanAbsLogDifference,
    double OursLowerShare,
    double UniformShare,
    int DecompositionTokens,
    double DecompositionMaxRelativeError)
{
    /// <summary>Compares <paramref name="ours"/> with <paramref name="nltk"/>'s probabilities of the same tokens.</summary>
    public static NGramComparison From(IReadOnlyList<double> ours, NltkMeasurement nltk, double discount, int vocabularySize)
    {
        if (ours.Count != nltk.Probabilities.Length)
        {
            throw new ArgumentException($"Ours scored {ours.Count} tokens, NLTK {nltk.Probabilities.Length}.", nameof(nltk));
        }

        var common = Enumerable.Range(0, ours.Count).Where(i => nltk.Probabilities[i] > 0).ToList();
        double Perplexity(IEnumerable<double> probabilities)
        {
            var list = probabilities.ToList();
            return Math.Exp(-list.Sum(Math.Log) / list.Count);
        }

        var bigramTypes = (double)nltk.BigramTypes;
        var uniformShare = discount * nltk.UnigramTypes / bigramTypes;
        var checkedTokens = Math.Min(nltk.UnigramWeights.Length, ours.Count);
        var maxError = 0.0;
        for (var i = 0; i < checkedTokens; i++)
        {
            var continuation = nltk.ContinuationCounts[i];
            var oursUnigram = Math.Max(continuation - discount, 0) / bigramTypes + uniformShare / vocabularySize;
            var nltkUnigram = continuation / bigramTypes;
            var predicted = nltk.Probabilities[i] + nltk.UnigramWeights[i] * (oursUnigram - nltkUnigram);
            maxError = Math.Max(maxError, Math.Abs(ours[i] - predicted) / ours[i]);
        }

        return new NGramComparison(
            ours.Count,
            ours.Count - common.Count,
            Perplexity(ours),
            Perplexity(common.Select(i => ours[i])),
            Perplexity(common.Select(i => nltk.Probabilities[i])),
            common.Average(i => Math.Abs(Math.Log(ours[i]) - Math.Log(nltk.Probabilities[i]))),
            (double)common.Count(i => ours[i] < nltk.Probabilities[i]) / common.Count,
            uniformShare,
            checkedTokens,
            maxError);
    }
}
