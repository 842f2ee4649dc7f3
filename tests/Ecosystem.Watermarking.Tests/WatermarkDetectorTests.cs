using Ecosystem.Watermarking;

namespace Ecosystem.Watermarking.Tests;

/// <summary>The z-test: its formula, what it scores, and its null distribution on text that knows nothing of the key.</summary>
public class WatermarkDetectorTests
{
    private const int Vocabulary = 50257;

    private static readonly GreenListWatermark Acme = new("acme", 0.25, 2);

    /// <summary>A document whose every token is green (or red) after the one before it, found by trying tokens in order.</summary>
    private static int[] Coloured(GreenListWatermark watermark, int length, bool green, int start = 0)
    {
        var tokens = new int[length];
        tokens[0] = start;
        for (var i = 1; i < length; i++)
        {
            var w = (tokens[i - 1] * 7919 + 1) % Vocabulary;
            while (watermark.IsGreen(tokens[i - 1], w) != green)
            {
                w = (w + 1) % Vocabulary;
            }

            tokens[i] = w;
        }

        return tokens;
    }

    [Fact]
    public void An_all_green_document_scores_the_formula_with_every_token_but_the_first()
    {
        var tokens = Coloured(Acme, 200, green: true);
        var score = new WatermarkDetector([Acme]).Score(tokens, Acme);

        Assert.Equal(199, score.Scored);
        Assert.Equal(199, score.Green);
        Assert.Equal((199 - 0.25 * 199) / Math.Sqrt(199 * 0.25 * 0.75), score.Z, 12);
    }

    [Fact]
    public void An_all_red_document_scores_below_zero_and_is_not_flagged()
    {
        var tokens = Coloured(Acme, 200, green: false);
        var detection = new WatermarkDetector([Acme]).Detect(tokens);

        Assert.Equal(-Math.Sqrt(199 * 0.25 / 0.75), detection.Z, 12);
        Assert.False(detection.IsFlagged(4));
    }

    [Fact]
    public void Repeated_pairs_are_scored_once_unless_asked_otherwise()
    {
        // The same green 50-token stretch four times: 49 distinct pairs inside it plus the 3 joins between copies.
        var stretch = Coloured(Acme, 50, green: true);
        var tokens = Enumerable.Repeat(stretch, 4).SelectMany(t => t).ToArray();
        var joinGreen = Acme.IsGreen(stretch[^1], stretch[0]) ? 1 : 0;

        var once = new WatermarkDetector([Acme]).Score(tokens, Acme);
        var every = new WatermarkDetector([Acme], ignoreRepeatedPairs: false).Score(tokens, Acme);

        Assert.Equal(50, once.Scored);
        Assert.Equal(49 + joinGreen, once.Green);
        Assert.Equal(199, every.Scored);
        Assert.Equal(4 * 49 + 3 * joinGreen, every.Green);
        Assert.True(every.Z > once.Z);
    }

    [Fact]
    public void Detection_reports_the_key_with_the_highest_z_and_nothing_without_keys()
    {
        var globex = new GreenListWatermark("globex", 0.5, 2);
        var tokens = Coloured(globex, 100, green: true);
        var detection = new WatermarkDetector([Acme, globex]).Detect(tokens);

        Assert.Equal("globex", detection.Key);
        Assert.True(detection.IsFlagged(4));
        Assert.Null(new WatermarkDetector([]).Detect(tokens).Key);
        Assert.False(new WatermarkDetector([]).Detect(tokens).IsFlagged(4));
        Assert.Null(new WatermarkDetector([Acme]).Detect([5]).Key);
    }

    [Fact]
    public void Without_the_key_z_is_standard_normal_and_rarely_above_four()
    {
        // 4,000 documents of 200 uniformly random tokens. Under the null, z has mean 0 (standard error 1/√4000 = 0.016)
        // and variance 1 (standard error √(2/4000) = 0.022); the tolerances are 4.5 standard errors. P(z > 4) is about
        // 3e-5, so 4,000 documents expect 0.1 flags: more than 2 would be a 1-in-1000 event (Poisson).
        var detector = new WatermarkDetector([Acme]);
        var random = new Random(3);
        var z = new double[4000];
        for (var d = 0; d < z.Length; d++)
        {
            var tokens = Enumerable.Range(0, 200).Select(_ => random.Next(Vocabulary)).ToArray();
            z[d] = detector.Score(tokens, Acme).Z;
        }

        var mean = z.Average();
        var variance = z.Sum(x => (x - mean) * (x - mean)) / (z.Length - 1);
        Assert.InRange(mean, -4.5 / Math.Sqrt(4000), 4.5 / Math.Sqrt(4000));
        Assert.InRange(variance, 1 - 4.5 * Math.Sqrt(2.0 / 4000), 1 + 4.5 * Math.Sqrt(2.0 / 4000));
        Assert.True(z.Count(x => x > 4) <= 2);
    }

    [Fact]
    public void The_z_score_of_nothing_scored_is_zero() => Assert.Equal(0, WatermarkDetector.ZScore(0, 0, 0.25));
}
