using Ecosystem.Metrics;
using Ecosystem.Models;
using Xunit.Abstractions;

namespace Ecosystem.Watermarking.Tests;

/// <summary>The watermark on real text: a trigram model trained on Brown writes 200-token documents with the watermark
/// (gamma 0.25, delta 2, the paper's usual setting); the detector finds them at z &gt; 4, leaves held-out human Brown
/// text alone, and loses them as more of their tokens are paraphrased.</summary>
public class BrownDetectionTests(BrownTrigram brown, ITestOutputHelper output) : IClassFixture<BrownTrigram>
{
    private const int Documents = 400;
    private const double ZThreshold = 4;
    private static readonly GreenListWatermark Acme = new("acme", 0.25, 2);
    private static readonly WatermarkDetector Detector = new([Acme]);

    private IReadOnlyList<int[]> Watermarked(double temperature) =>
        brown.Model.Sample(Documents, new SamplingOptions(BrownTrigram.DocumentTokens, temperature) { Watermark = Acme }, new Random(31))
            .Select(d => d.Tokens).ToList();

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.8)]
    public void At_least_95_percent_of_watermarked_200_token_texts_are_detected_at_z_above_4(double temperature)
    {
        // 400 documents: a true rate of 95% would show as 95% ± 1.1% (one standard error); the measured rate is
        // printed and sits well above the floor.
        var z = Watermarked(temperature).Select(t => Detector.Detect(t).Z).ToArray();
        var detected = z.Count(x => x > ZThreshold) / (double)z.Length;
        output.WriteLine($"T = {temperature}: detected {detected:P1}, median z {z.Order().ElementAt(z.Length / 2):F1}, min z {z.Min():F1}");

        Assert.True(detected >= 0.95, $"detected {detected:P1}");
    }

    [Fact]
    public void At_most_1_percent_of_held_out_human_texts_are_flagged_at_z_above_4()
    {
        // Every held-out 200-token Brown document (never seen by the model or the key). Under the null z > 4 has
        // probability about 3e-5; the 1% bound leaves room for real text's departures from independence.
        var human = brown.Corpus.HeldOut.Select(d => d.Tokens).ToList();
        var z = human.Select(t => Detector.Detect(t).Z).ToArray();
        var flagged = z.Count(x => x > ZThreshold) / (double)z.Length;
        output.WriteLine($"{human.Count} held-out documents: flagged {flagged:P2}, max z {z.Max():F2}, mean z {z.Average():F3}");

        Assert.True(human.Count >= 500, $"only {human.Count} held-out documents");
        Assert.True(flagged <= 0.01, $"false positive rate {flagged:P2}");
    }

    [Fact]
    public void Detection_falls_as_the_paraphrase_rate_rises()
    {
        // The same 400 documents paraphrased at 0, 20, ..., 80% by substituting human unigram draws. Each step must lower
        // the mean z by more than 4.5 standard errors of the difference (the documents are paired, so the standard error
        // is that of the per-document differences), and the detection rate may not rise.
        var texts = Watermarked(1.0);
        var unigram = UnigramCounts.From(brown.Corpus.Train.Select(d => d.Tokens).ToList());
        var replacements = new UnigramDistribution(unigram.Tokens, unigram.Counts);
        double[] rates = [0, 0.2, 0.4, 0.6, 0.8];
        var z = rates.Select(rate =>
        {
            var paraphraser = new TokenParaphraser(replacements, rate);
            var random = new Random(32);
            return texts.Select(t => Detector.Detect(paraphraser.Paraphrase(t, random)).Z).ToArray();
        }).ToArray();

        var detected = z.Select(zs => zs.Count(x => x > ZThreshold) / (double)zs.Length).ToArray();
        for (var i = 0; i < rates.Length; i++)
        {
            output.WriteLine($"paraphrase {rates[i]:P0}: mean z {z[i].Average():F2}, detected at z > 4: {detected[i]:P1}");
        }

        for (var i = 1; i < rates.Length; i++)
        {
            var differences = z[i - 1].Zip(z[i], (a, b) => a - b).ToArray();
            var mean = differences.Average();
            var standardError = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (differences.Length - 1) / differences.Length);
            Assert.True(mean > 4.5 * standardError, $"paraphrase {rates[i]}: mean z fell by {mean:F2} (standard error {standardError:F2})");
            Assert.True(detected[i] <= detected[i - 1], $"detection rose from {detected[i - 1]:P1} to {detected[i]:P1}");
        }

        Assert.True(detected[0] >= 0.95 && detected[^1] < 0.5, $"detection {detected[0]:P1} unparaphrased, {detected[^1]:P1} at 80%");
    }
}
