namespace Ecosystem.Metrics;

/// <summary>Bin counts of a <see cref="Histogram"/> with their densities and fractions.</summary>
public sealed class HistogramResult
{
    internal HistogramResult(double[] edges, long[] counts, long nanCount)
    {
        Edges = edges;
        Counts = counts;
        NaNCount = nanCount;
        long total = 0;
        foreach (var c in counts)
        {
            total += c;
        }

        Total = total;
        var fractions = new double[counts.Length];
        var densities = new double[counts.Length];
        if (total > 0)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                fractions[i] = (double)counts[i] / total;
                densities[i] = fractions[i] / (edges[i + 1] - edges[i]);
            }
        }

        Fractions = fractions;
        Densities = densities;
    }

    /// <summary>The bin edges; bin i spans [Edges[i], Edges[i+1]).</summary>
    public IReadOnlyList<double> Edges { get; }

    /// <summary>Values per bin.</summary>
    public IReadOnlyList<long> Counts { get; }

    /// <summary>Count / (total × bin width), per unit of the value as numpy's density=True: integrates to 1
    /// over the edges; all 0 when nothing was counted.</summary>
    public IReadOnlyList<double> Densities { get; }

    /// <summary>Count / total per bin; all 0 when nothing was counted.</summary>
    public IReadOnlyList<double> Fractions { get; }

    /// <summary>Values counted (NaN excluded).</summary>
    public long Total { get; }

    /// <summary>NaN values seen and left out of every bin.</summary>
    public long NaNCount { get; }
}
