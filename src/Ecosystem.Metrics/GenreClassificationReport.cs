namespace Ecosystem.Metrics;

/// <summary>Accuracy of a <see cref="GenreClassifier"/> on labelled examples, overall and per genre.</summary>
/// <param name="Total">Examples evaluated.</param>
/// <param name="Correct">Examples predicted correctly.</param>
/// <param name="PerGenre">One entry per genre known to the classifier or seen in the examples, in ordinal order.</param>
public sealed record GenreClassificationReport(int Total, int Correct, IReadOnlyList<GenreRecall> PerGenre)
{
    /// <summary>Correct / total, or 0 without examples.</summary>
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    /// <summary>Mean recall over genres with support (Brodersen et al. 2010, "The balanced accuracy and its
    /// posterior distribution"); unlike <see cref="Accuracy"/> it is not dominated by the majority genres.</summary>
    public double BalancedAccuracy
    {
        get
        {
            var sum = 0.0;
            var genres = 0;
            foreach (var g in PerGenre)
            {
                if (g.Support > 0)
                {
                    sum += g.Recall;
                    genres++;
                }
            }

            return genres == 0 ? 0 : sum / genres;
        }
    }
}
