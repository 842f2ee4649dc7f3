using Ecosystem.Watermarking;

namespace Ecosystem.Watermarking.Tests;

/// <summary>The token-substitution paraphrase and the unigram distribution it draws replacements from.</summary>
public class TokenParaphraserTests
{
    // Replacement tokens 1000..1003 never occur in the documents below, so every rewritten position shows.
    private static readonly UnigramDistribution Replacements = new([1000, 1001, 1002, 1003], [1, 2, 3, 4]);

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.2, 40)]
    [InlineData(0.45, 90)]
    [InlineData(1.0, 200)]
    public void Exactly_the_rate_of_tokens_is_rewritten(double rate, int expected)
    {
        var tokens = Enumerable.Range(0, 200).ToArray();
        var paraphrased = new TokenParaphraser(Replacements, rate).Paraphrase(tokens, new Random(4));

        Assert.Equal(200, paraphrased.Length);
        Assert.Equal(expected, paraphrased.Count(t => t >= 1000));
        Assert.All(Enumerable.Range(0, 200).Where(i => paraphrased[i] < 1000), i => Assert.Equal(tokens[i], paraphrased[i]));
    }

    [Fact]
    public void Paraphrasing_is_deterministic_given_the_generator_and_leaves_the_input_alone()
    {
        var tokens = Enumerable.Range(0, 100).ToArray();
        var paraphraser = new TokenParaphraser(Replacements, 0.3);

        Assert.Equal(paraphraser.Paraphrase(tokens, new Random(9)), paraphraser.Paraphrase(tokens, new Random(9)));
        Assert.NotEqual(paraphraser.Paraphrase(tokens, new Random(9)), paraphraser.Paraphrase(tokens, new Random(10)));
        Assert.Equal(Enumerable.Range(0, 100), tokens);
    }

    [Fact]
    public void Rewritten_positions_are_uniform_and_replacements_follow_the_unigram_distribution()
    {
        // 20,000 documents of 10 tokens at rate 0.3: each position is rewritten with probability 0.3, and replacement
        // 1000 + k appears with probability (k + 1)/10. Tolerances are 4.5 binomial standard errors.
        var paraphraser = new TokenParaphraser(Replacements, 0.3);
        var random = new Random(5);
        var perPosition = new int[10];
        var perToken = new int[4];
        const int documents = 20_000;
        for (var d = 0; d < documents; d++)
        {
            var result = paraphraser.Paraphrase(new int[10], random);
            for (var i = 0; i < 10; i++)
            {
                if (result[i] >= 1000)
                {
                    perPosition[i]++;
                    perToken[result[i] - 1000]++;
                }
            }
        }

        var positionError = 4.5 * Math.Sqrt(0.3 * 0.7 / documents);
        Assert.All(perPosition, c => Assert.InRange(c / (double)documents, 0.3 - positionError, 0.3 + positionError));
        var drawn = perToken.Sum();
        Assert.Equal(3 * documents, drawn);
        for (var k = 0; k < 4; k++)
        {
            var p = (k + 1) / 10.0;
            var error = 4.5 * Math.Sqrt(p * (1 - p) / drawn);
            Assert.InRange(perToken[k] / (double)drawn, p - error, p + error);
        }
    }

    [Fact]
    public void Invalid_rates_and_distributions_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenParaphraser(Replacements, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenParaphraser(Replacements, -0.1));
        Assert.ThrowsAny<ArgumentException>(() => new UnigramDistribution([1, 2], [0, 0]));
        Assert.ThrowsAny<ArgumentException>(() => new UnigramDistribution([1, 2], [1]));
    }
}
