namespace Ecosystem.Metrics.Tests;

public class TokenEntropyTests
{
    [Fact]
    public void UniformOverFourTokensIsTwoBits()
    {
        Assert.Equal(2.0, TokenEntropy.Bits([[1, 2], [3, 4]]));
        Assert.Equal(1.0, TokenEntropy.Bits([[1, 1, 2, 2]]));
    }

    [Fact]
    public void SkewedDistribution()
    {
        var expected = -((0.75 * Math.Log2(0.75)) + (0.25 * Math.Log2(0.25)));
        Assert.Equal(expected, TokenEntropy.Bits([[1, 1, 1, 2]]), 15);
        Assert.Equal(0.8112781244591328, TokenEntropy.Bits([[1, 1, 1, 2]]), 15);
    }

    [Fact]
    public void SingleTokenIsPositiveZero()
    {
        var h = TokenEntropy.Bits([[5, 5, 5]]);
        Assert.Equal(0.0, h);
        Assert.False(double.IsNegative(h));
        Assert.Equal(0.0, TokenEntropy.Bits([]));
    }

    [Fact]
    public void IndependentOfTokenOrderBitForBit()
    {
        // Large ids force the dictionary path, whose insertion order follows the token order.
        foreach (var offset in new[] { 0, 1 << 25 })
        {
            var rng = new Random(7);
            var tokens = new int[5000];
            for (var i = 0; i < tokens.Length; i++)
            {
                tokens[i] = offset + (int)Math.Floor(Math.Pow(rng.NextDouble(), 3) * 997);
            }

            var reversed = tokens.Reverse().ToArray();
            var shuffled = tokens.ToArray();
            new Random(8).Shuffle(shuffled);
            var h = TokenEntropy.Bits([tokens]);
            Assert.Equal(BitConverter.DoubleToInt64Bits(h), BitConverter.DoubleToInt64Bits(TokenEntropy.Bits([reversed])));
            Assert.Equal(BitConverter.DoubleToInt64Bits(h), BitConverter.DoubleToInt64Bits(TokenEntropy.Bits([shuffled[..2500], shuffled[2500..]])));
        }
    }

    [Fact]
    public void DenseAndSparseCountsAgree()
    {
        int[] small = [3, 1, 3, 2, 3];
        var big = small.Select(t => t + (1 << 25)).ToArray();
        Assert.Equal(TokenEntropy.Bits([small]), TokenEntropy.Bits([big]));
        var counts = UnigramCounts.From([big]);
        Assert.Equal([(1 << 25) + 1, (1 << 25) + 2, (1 << 25) + 3], counts.Tokens.ToArray());
        Assert.Equal([1L, 1L, 3L], counts.Counts.ToArray());
        Assert.Equal(5, counts.Total);
    }

    [Fact]
    public void VocabularySizeCountsDistinctTokens()
    {
        Assert.Equal(3, VocabularySize.Of([[1, 2, 2], [3, 1]]));
        Assert.Equal(0, VocabularySize.Of([[]]));
        Assert.Equal(3, UnigramCounts.From([[1, 2, 2], [3, 1]]).Distinct);
    }
}
