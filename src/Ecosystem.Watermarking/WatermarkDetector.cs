namespace Ecosystem.Watermarking;

/// <summary>The one-proportion z-test of Kirchenbauer et al. 2023: counts green tokens s among T scored tokens and
/// computes z = (s - gamma T) / sqrt(T gamma (1 - gamma)); without the watermark s is Binomial(T, gamma), so z &gt; 4
/// has a false positive rate of about 3 in 100,000.</summary>
/// <remarks>Scored tokens are those with a previous token in the document (the first has none). Repeated
/// (previous, token) pairs are scored once by default, the option the authors' own detector offers for repetitive text
/// ("ignore repeated bigrams"): a repeated pair has the same colour every time, so counting it again adds no evidence
/// but breaks the independence the z-test assumes, and low-temperature n-gram text repeats a lot. With several keys (one per watermarking vendor, as with a
/// public detection service) a document gets the highest z over the keys.</remarks>
public sealed class WatermarkDetector
{
    private readonly IReadOnlyList<GreenListWatermark> _watermarks;

    /// <summary>A detector that knows <paramref name="watermarks"/>; <paramref name="ignoreRepeatedPairs"/> scores each
    /// distinct (previous, token) pair once.</summary>
    public WatermarkDetector(IReadOnlyList<GreenListWatermark> watermarks, bool ignoreRepeatedPairs = true)
    {
        ArgumentNullException.ThrowIfNull(watermarks);
        _watermarks = watermarks.ToArray();
        IgnoreRepeatedPairs = ignoreRepeatedPairs;
    }

    /// <summary>The watermarks this detector can recognise.</summary>
    public IReadOnlyList<GreenListWatermark> Watermarks => _watermarks;

    /// <summary>Whether a repeated (previous, token) pair is scored once.</summary>
    public bool IgnoreRepeatedPairs { get; }

    /// <summary>The score of <paramref name="tokens"/> under <paramref name="watermark"/>.</summary>
    public WatermarkScore Score(ReadOnlySpan<int> tokens, GreenListWatermark watermark)
    {
        ArgumentNullException.ThrowIfNull(watermark);
        HashSet<long>? seen = IgnoreRepeatedPairs ? new HashSet<long>(tokens.Length) : null;
        int green = 0, scored = 0;
        for (var i = 1; i < tokens.Length; i++)
        {
            if (seen is not null && !seen.Add(((long)tokens[i - 1] << 32) | (uint)tokens[i]))
            {
                continue;
            }

            scored++;
            if (watermark.IsGreen(tokens[i - 1], tokens[i]))
            {
                green++;
            }
        }

        return new WatermarkScore(green, scored, ZScore(green, scored, watermark.Gamma));
    }

    /// <summary>The highest z over the known keys.</summary>
    public WatermarkDetection Detect(ReadOnlySpan<int> tokens)
    {
        WatermarkDetection best = default;
        foreach (var watermark in _watermarks)
        {
            var score = Score(tokens, watermark);
            if (score.Scored > 0 && (best.Key is null || score.Z > best.Z))
            {
                best = new WatermarkDetection(watermark.Key, score.Z);
            }
        }

        return best;
    }

    /// <summary>z = (s - gamma T) / sqrt(T gamma (1 - gamma)); 0 when nothing was scored.</summary>
    public static double ZScore(int green, int scored, double gamma) =>
        scored == 0 ? 0 : (green - gamma * scored) / Math.Sqrt(scored * gamma * (1 - gamma));
}
