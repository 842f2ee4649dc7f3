using Ecosystem.Abstractions.Metrics;
using System.Globalization;
using Ecosystem.Grains.Runs;
using Ecosystem.Metrics;

namespace Ecosystem.Grains.Measurement;

/// <summary>Diversity of a set of token documents: distinct-1..4, token entropy, vocabulary size, tail mass, genre shares.</summary>
public static class TextMeasurement
{
    /// <summary>Quantiles of the perplexities under generation 0 written per tick: the median shows the shift, the
    /// 0.99 quantile the long right tail (Shumailov et al. 2024, Fig. 1b).</summary>
    public static readonly double[] ReportedQuantiles = [0.5, 0.9, 0.99];

    /// <summary>Adds the diversity rows of <paramref name="documents"/> to <paramref name="sink"/>, and their genre shares
    /// when <paramref name="genres"/> (one label per document) is given.</summary>
    public static void AddDiversity(RowSink sink, RunContext context, IReadOnlyList<int[]> documents, IEnumerable<string>? genres)
    {
        if (documents.Count == 0)
        {
            return;
        }

        // The measures are independent passes over the same tokens: on a tick's critical path, they run side by side.
        double[]? distinct = null;
        UnigramCounts? unigrams = null;
        double? tailMass = null;
        double[]? coverage = null;
        var passes = new List<Action> { () => distinct = DistinctN.ComputeAll(documents, context.Scenario.Metrics.ExactDistinctNgrams), () => unigrams = UnigramCounts.From(documents) };
        if (context.TailMass is { } tail)
        {
            passes.Add(() => tailMass = tail.Compute(documents));
        }

        if (context.GenreMarkers is { } markers)
        {
            passes.Add(() => coverage = markers.Coverage(documents));
        }

        Parallel.Invoke([.. passes]);

        string[] names = [MetricNames.Distinct1, MetricNames.Distinct2, MetricNames.Distinct3, MetricNames.Distinct4];
        for (var n = 0; n < names.Length; n++)
        {
            sink.Add(names[n], distinct![n]);
        }

        sink.Add(MetricNames.TokenEntropyBits, TokenEntropy.Bits(unigrams!));
        sink.Add(MetricNames.VocabularySize, unigrams!.Distinct);
        if (tailMass is { } mass)
        {
            sink.Add(MetricNames.TailMass, mass);
        }

        if (coverage is not null)
        {
            for (var g = 0; g < coverage.Length; g++)
            {
                sink.Add(MetricNames.GenreCoverage, coverage[g], context.GenreMarkers!.Genres[g]);
            }
        }

        if (genres is null)
        {
            return;
        }

        foreach (var share in new GenreShares(context.Genres).Compute(genres))
        {
            sink.Add(MetricNames.GenreShare, share.Share, share.Genre);
        }
    }

    /// <summary>Adds the mean and histogram of per-document perplexities under generation 0.</summary>
    public static void AddGenerationZeroPerplexity(RowSink sink, int bins, IReadOnlyList<double> perplexities)
    {
        if (perplexities.Count == 0)
        {
            return;
        }

        sink.Add(MetricNames.GeneratedPerplexityGen0, perplexities.Average());
        var sorted = perplexities.Order().ToArray();
        foreach (var q in ReportedQuantiles)
        {
            sink.Add(MetricNames.GeneratedPerplexityGen0Quantile, MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(sorted, q), q.ToString("R", CultureInfo.InvariantCulture));
        }

        // Fixed log-spaced bins from 1 to 10^4 make histograms of different generations and runs comparable.
        var histogram = Histogram.Logarithmic(1, 10_000, bins);
        var result = histogram.Compute(perplexities);
        for (var bin = 0; bin < histogram.BinCount; bin++)
        {
            sink.Add(MetricNames.PerplexityHistogramGen0, result.Fractions[bin], histogram.Edges[bin].ToString("R", CultureInfo.InvariantCulture));
        }
    }
}
