namespace Ecosystem.Metrics.Tests;

public class DistinctNTests
{
    [Fact]
    public void RepeatedBigramHasTwoThirdsDistinct()
    {
        int[][] docs = [[1, 2, 1, 2]];
        Assert.Equal(2.0 / 3.0, DistinctN.Compute(docs, 2));
        Assert.Equal(new NGramCounts(2, 3), DistinctN.Count(docs, 2));
        Assert.Equal(0.5, DistinctN.Compute(docs, 1));
        Assert.Equal(1.0, DistinctN.Compute(docs, 3));
        Assert.Equal(1.0, DistinctN.Compute(docs, 4));
        Assert.Equal([0.5, 2.0 / 3.0, 1.0, 1.0], DistinctN.ComputeAll(docs));
    }

    [Fact]
    public void NGramsDoNotCrossDocumentBoundaries()
    {
        // Joined, [1,2,3,4] would add the bigram (2,3).
        Assert.Equal(new NGramCounts(2, 2), DistinctN.Count([[1, 2], [3, 4]], 2));
        Assert.Equal(new NGramCounts(1, 2), DistinctN.Count([[1, 2], [1, 2]], 2));
    }

    [Fact]
    public void NoNGramsGivesZero()
    {
        Assert.Equal(0.0, DistinctN.Compute([], 1));
        Assert.Equal(0.0, DistinctN.Compute([[]], 1));
        Assert.Equal(0.0, DistinctN.Compute([[7, 8, 9]], 4));
        Assert.Equal(new NGramCounts(1, 1), DistinctN.Count([[7, 8, 9], [1, 2, 3, 4]], 4));
    }

    [Fact]
    public void AllZeroTokensAreCounted()
    {
        Assert.Equal(new NGramCounts(1, 2), DistinctN.Count([[0, 0, 0]], 2));
    }

    [Fact]
    public void WideIdsUseExactKeys()
    {
        // 31-bit ids: 4-grams need 124 bits, beyond a 64-bit key.
        const int a = 1 << 30, b = (1 << 30) + 1;
        Assert.Equal(new NGramCounts(2, 3), DistinctN.Count([[a, b, a, b, a, b]], 4));
        Assert.Equal(new NGramCounts(2, 2), DistinctN.Count([[a, b], [b, a]], 2));
    }

    [Theory]
    [InlineData(50257, 1)]
    [InlineData(50257, 4)]
    [InlineData(3, 4)]
    [InlineData(int.MaxValue, 3)]
    [InlineData(int.MaxValue, 4)]
    public void MatchesNaiveCounting(int idBound, int n)
    {
        var rng = new Random(42 + n);
        var docs = new int[60][];
        for (var d = 0; d < docs.Length; d++)
        {
            docs[d] = new int[rng.Next(0, 40)];
            for (var i = 0; i < docs[d].Length; i++)
            {
                // Few distinct values (drawn from a small pool spread over the id range) so that n-grams repeat.
                docs[d][i] = (int)((long)rng.Next(0, 4) * (idBound - 1) / 3);
            }
        }

        var naive = new HashSet<string>();
        long total = 0;
        foreach (var doc in docs)
        {
            for (var i = 0; i + n <= doc.Length; i++)
            {
                naive.Add(string.Join(',', doc.Skip(i).Take(n)));
                total++;
            }
        }

        Assert.Equal(new NGramCounts(naive.Count, total), DistinctN.Count(docs, n));
    }

    [Fact]
    public void RejectsInvalidInput()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DistinctN.Compute([[1]], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DistinctN.Compute([[1]], 5));
        Assert.Throws<ArgumentException>(() => DistinctN.Compute([[1, -1]], 1));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void ManyPartitionsMatchNaiveCounting(int n)
    {
        // Enough n-grams (about 250,000) to be split over many partitions; a Zipf-like draw repeats many of them.
        var rng = new Random(7 * n);
        var docs = new int[2_000][];
        for (var d = 0; d < docs.Length; d++)
        {
            docs[d] = new int[rng.Next(0, 250)];
            for (var i = 0; i < docs[d].Length; i++)
            {
                docs[d][i] = (int)(50_256 * Math.Pow(rng.NextDouble(), 6));
            }
        }

        var naive = new HashSet<(int, int, int, int)>();
        long total = 0;
        foreach (var doc in docs)
        {
            for (var i = 0; i + n <= doc.Length; i++)
            {
                naive.Add((doc[i], doc[i + 1], n > 2 ? doc[i + 2] : -1, n > 3 ? doc[i + 3] : -1));
                total++;
            }
        }

        Assert.Equal(new NGramCounts(naive.Count, total), DistinctN.Count(docs, n));
    }
}
