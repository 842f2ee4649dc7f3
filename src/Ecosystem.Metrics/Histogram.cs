using System.Globalization;
using MathNet.Numerics;

namespace Ecosystem.Metrics;

/// <summary>A histogram over fixed bin edges; values below the first edge are counted in the first bin and values
/// at or above the last edge (infinities included) in the last bin, so no value is lost; NaN is counted apart.</summary>
/// <remarks>Bins are half-open [lo, hi) except the last, which also holds everything above. Fixed edges keep
/// histograms of different ticks comparable (for the Shumailov et al. 2024 Fig. 1b-style perplexity histograms).</remarks>
public sealed class Histogram
{
    private readonly double[] _edges;

    /// <summary>A histogram with the given strictly increasing, finite edges (at least two).</summary>
    public Histogram(IEnumerable<double> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        _edges = edges.ToArray();
        if (_edges.Length < 2)
        {
            throw new ArgumentException("At least two edges are required.", nameof(edges));
        }

        for (var i = 0; i < _edges.Length; i++)
        {
            if (!double.IsFinite(_edges[i]) || (i > 0 && !(_edges[i] > _edges[i - 1])))
            {
                throw new ArgumentException("Edges must be finite and strictly increasing.", nameof(edges));
            }
        }
    }

    /// <summary>The bin edges (one more than the bins).</summary>
    public IReadOnlyList<double> Edges => _edges;

    /// <summary>Number of bins.</summary>
    public int BinCount => _edges.Length - 1;

    /// <summary><paramref name="binCount"/> equal-width bins from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Histogram Linear(double min, double max, int binCount)
    {
        CheckRange(min, max, binCount);
        var edges = Generate.LinearSpaced(binCount + 1, min, max);
        edges[0] = min;
        edges[^1] = max;
        return new Histogram(edges);
    }

    /// <summary><paramref name="binCount"/> bins of equal width in log space from <paramref name="min"/> &gt; 0 to
    /// <paramref name="max"/>, suited to heavy-tailed values such as perplexities.</summary>
    public static Histogram Logarithmic(double min, double max, int binCount)
    {
        CheckRange(min, max, binCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(min);
        var exponents = Generate.LinearSpaced(binCount + 1, Math.Log10(min), Math.Log10(max));
        var edges = new double[binCount + 1];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = Math.Pow(10, exponents[i]);
        }

        // Exact end points, whatever pow's rounding does to them.
        edges[0] = min;
        edges[^1] = max;
        return new Histogram(edges);
    }

    /// <summary>Index of the bin a value falls in (out-of-range values clamp to the end bins); -1 for NaN.</summary>
    public int BinOf(double value)
    {
        if (double.IsNaN(value))
        {
            return -1;
        }

        if (value < _edges[0])
        {
            return 0;
        }

        if (value >= _edges[^1])
        {
            return BinCount - 1;
        }

        var i = Array.BinarySearch(_edges, value);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>Counts the values into the bins.</summary>
    public HistogramResult Compute(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var counts = new long[BinCount];
        long nan = 0;
        foreach (var v in values)
        {
            var bin = BinOf(v);
            if (bin < 0)
            {
                nan++;
            }
            else
            {
                counts[bin]++;
            }
        }

        return new HistogramResult((double[])_edges.Clone(), counts, nan);
    }

    /// <summary>A label for a bin, "lo..hi" with both edges in round-trip format, for long-format metric rows.</summary>
    public string BinLabel(int bin)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bin);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bin, BinCount);
        return string.Create(CultureInfo.InvariantCulture, $"{_edges[bin]:R}..{_edges[bin + 1]:R}");
    }

    private static void CheckRange(double min, double max, int binCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(binCount);
        if (!double.IsFinite(min) || !double.IsFinite(max) || !(max > min))
        {
            throw new ArgumentException($"Need finite min < max, got {min} and {max}.");
        }
    }
}
