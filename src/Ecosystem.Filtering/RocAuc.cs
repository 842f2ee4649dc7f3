namespace Ecosystem.Filtering;

/// <summary>The area under the ROC curve of a score that should be low for positives (machine text): the probability
/// that a random positive scores below a random negative, ties counting half (the Mann-Whitney statistic).</summary>
public static class RocAuc
{
    /// <summary>The AUC; NaN when either class is empty.</summary>
    public static double OfLowScores(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        if (scores.Count != positive.Count)
        {
            throw new ArgumentException($"{scores.Count} scores for {positive.Count} labels.", nameof(positive));
        }

        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        long positives = positive.Count(p => p), negatives = scores.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        // Ranks with ties averaged; positives ranked low mean a high AUC for a low-is-positive score.
        double negativeRankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var rank = (start + end) / 2.0 + 1;
            for (var i = start; i <= end; i++)
            {
                if (!positive[order[i]])
                {
                    negativeRankSum += rank;
                }
            }

            start = end + 1;
        }

        // Pairs (positive, negative) with the negative ranked above: U = R_neg - n_neg (n_neg + 1) / 2.
        var u = negativeRankSum - negatives * (negatives + 1) / 2.0;
        return u / (positives * (double)negatives);
    }
}
