using Ecosystem.Watermarking;

namespace Ecosystem.Watermarking.Tests;

/// <summary>The green list: its share of the vocabulary, independence across contexts and keys, and stability.</summary>
public class GreenListWatermarkTests
{
    private const int Gpt2Vocabulary = 50257;

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    public void About_a_fraction_gamma_of_the_vocabulary_is_green_after_any_token(double gamma)
    {
        // 200,000 random (previous, token) pairs: the green share is within 4.5 binomial standard errors of gamma.
        var watermark = new GreenListWatermark("acme", gamma, 2);
        var random = new Random(1);
        const int pairs = 200_000;
        var green = 0;
        for (var i = 0; i < pairs; i++)
        {
            green += watermark.IsGreen(random.Next(Gpt2Vocabulary), random.Next(Gpt2Vocabulary)) ? 1 : 0;
        }

        var standardError = Math.Sqrt(gamma * (1 - gamma) / pairs);
        Assert.InRange(green / (double)pairs, gamma - 4.5 * standardError, gamma + 4.5 * standardError);
    }

    [Fact]
    public void Green_lists_after_different_tokens_and_under_different_keys_look_independent()
    {
        // For a token w, being green after p and green after p' (or under key k and k') happens with probability gamma²
        // if the lists are independent; checked over the whole vocabulary within 4.5 standard errors.
        const double gamma = 0.25;
        var acme = new GreenListWatermark("acme", gamma, 2);
        var globex = new GreenListWatermark("globex", gamma, 2);
        int afterBoth = 0, underBoth = 0;
        for (var w = 0; w < Gpt2Vocabulary; w++)
        {
            afterBoth += acme.IsGreen(17, w) && acme.IsGreen(18, w) ? 1 : 0;
            underBoth += acme.IsGreen(17, w) && globex.IsGreen(17, w) ? 1 : 0;
        }

        var p = gamma * gamma;
        var tolerance = 4.5 * Math.Sqrt(p * (1 - p) / Gpt2Vocabulary);
        Assert.InRange(afterBoth / (double)Gpt2Vocabulary, p - tolerance, p + tolerance);
        Assert.InRange(underBoth / (double)Gpt2Vocabulary, p - tolerance, p + tolerance);
    }

    [Fact]
    public void The_green_list_is_pinned_so_that_watermarks_stay_detectable_across_versions_and_processes()
    {
        // Pinned output of the stable hash: a change here means documents watermarked by an earlier build (or another
        // process) would no longer be detected.
        var watermark = new GreenListWatermark("acme", 0.25, 2);
        var bits = string.Concat(Enumerable.Range(0, 32).Select(w => watermark.IsGreen(464, w) ? '1' : '0'));

        Assert.Equal(PinnedBits, bits);
        Assert.Equal(bits, string.Concat(Enumerable.Range(0, 32).Select(w => new GreenListWatermark("acme", 0.25, 2).IsGreen(464, w) ? '1' : '0')));
    }

    private const string PinnedBits = "10000010000000100000000000100000";

    [Theory]
    [InlineData("", 0.25, 2)]
    [InlineData("k", 0, 2)]
    [InlineData("k", 1, 2)]
    [InlineData("k", 0.25, -1)]
    [InlineData("k", 0.25, double.NaN)]
    public void Invalid_settings_are_rejected(string key, double gamma, double delta) =>
        Assert.ThrowsAny<ArgumentException>(() => new GreenListWatermark(key, gamma, delta));

    [Fact]
    public void Watermarks_with_the_same_settings_are_equal()
    {
        Assert.Equal(new GreenListWatermark("k", 0.25, 2), new GreenListWatermark("k", 0.25, 2));
        Assert.NotEqual(new GreenListWatermark("k", 0.25, 2), new GreenListWatermark("k", 0.5, 2));
        Assert.NotEqual(new GreenListWatermark("k", 0.25, 2), new GreenListWatermark("j", 0.25, 2));
    }
}
