using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Filtering.Tests;

/// <summary>MinHash estimates and the near-duplicate filter built on it.</summary>
public class MinHashTests
{
    /// <summary>Two documents built from disjoint 1-token shingles sharing exactly <paramref name="shared"/> of
    /// <paramref name="each"/> tokens: Jaccard = shared / (2 each - shared).</summary>
    private static (int[] A, int[] B) WithJaccard(int each, int shared, Random random)
    {
        var tokens = Enumerable.Range(0, Documents.Vocabulary).OrderBy(_ => random.Next()).Take(2 * each - shared).ToArray();
        return (tokens[..each], tokens[(each - shared)..]);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(100)]
    [InlineData(180)]
    public void The_signature_estimates_jaccard_within_its_standard_error(int shared)
    {
        // Shingles of 1 token make the Jaccard similarity exact by construction; over 50 pairs the mean estimate is within
        // 4.5 standard errors sqrt(J(1-J)/(128 x 50)) of it.
        var hasher = new MinHasher(128, 1);
        var random = new Random(41);
        var jaccard = shared / (400.0 - shared);
        var estimates = Enumerable.Range(0, 50).Select(_ =>
        {
            var (a, b) = WithJaccard(200, shared, random);
            return MinHasher.EstimatedJaccard(hasher.Signature(a), hasher.Signature(b));
        }).ToArray();

        var standardError = Math.Sqrt(jaccard * (1 - jaccard) / (128 * 50));
        Assert.InRange(estimates.Average(), jaccard - 4.5 * standardError, jaccard + 4.5 * standardError);
    }

    [Fact]
    public void Signatures_are_the_same_for_the_same_shingle_set_and_order_blind_within_it()
    {
        var hasher = new MinHasher(64, 1);
        Assert.Equal(hasher.Signature([1, 2, 3]), hasher.Signature([3, 2, 1, 1]));
        Assert.Equal(hasher.Signature([1, 2, 3]), new MinHasher(64, 1).Signature([1, 2, 3]));
        Assert.NotEqual(new MinHasher(64, 2).Signature([1, 2, 3]), new MinHasher(64, 2).Signature([3, 2, 1]));
    }

    [Fact]
    public void Near_copies_are_removed_and_distinct_documents_are_spared()
    {
        // 300 distinct 128-token documents; 60 of them get a near-copy with one token changed (5-token shingles:
        // Jaccard 119/129 = 0.92) and 60 get a relative whose first 30 tokens are changed (Jaccard 90/158 = 0.57, which
        // makes them LSH candidates but is 5 standard errors of the estimate below 0.8). Only the near-copies may go,
        // and every one must.
        var random = new Random(42);
        var originals = Enumerable.Range(0, 300).Select(i => Documents.Human($"a{i:D4}", Documents.RandomTokens(random, 128))).ToList();
        var nearCopies = originals.Take(60).Select((d, i) =>
        {
            var tokens = d.Content.Tokens.ToArray();
            tokens[64] = (tokens[64] + 1) % Documents.Vocabulary;
            return Documents.Synthetic($"b{i:D4}", tokens);
        }).ToList();
        var relatives = originals.Skip(60).Take(60).Select((d, i) =>
        {
            var tokens = d.Content.Tokens.ToArray();
            for (var k = 0; k < 30; k++)
            {
                tokens[k] = (tokens[k] + 1) % Documents.Vocabulary;
            }

            return Documents.Human($"c{i:D4}", tokens);
        }).ToList();
        List<Document> all = [.. originals, .. nearCopies, .. relatives];

        var filter = new NearDuplicateFilter(0.8);
        var passes = filter.Passes(all);

        Assert.All(Enumerable.Range(0, 300), i => Assert.True(passes[i], $"original {i} was removed"));
        Assert.All(Enumerable.Range(300, 60), i => Assert.False(passes[i], $"near-copy {i - 300} was kept"));
        Assert.All(Enumerable.Range(360, 60), i => Assert.True(passes[i], $"relative {i - 360} was removed"));
    }

    [Theory]
    [InlineData(0.8, 128, 4)]
    [InlineData(0.5, 128, 2)]
    [InlineData(0.95, 128, 8)]
    [InlineData(0.2, 100, 1)]
    public void Bands_are_as_narrow_as_the_candidate_recall_allows(double threshold, int hashes, int rows)
    {
        double Recall(int r) => 1 - Math.Pow(1 - Math.Pow(threshold, r), hashes / r);

        Assert.Equal(rows, NearDuplicateFilter.RowsPerBand(threshold, hashes));
        Assert.True(Recall(rows) >= 0.999);
        Assert.All(Enumerable.Range(rows + 1, hashes - rows).Where(r => hashes % r == 0), r => Assert.True(Recall(r) < 0.999, $"{r} rows"));
    }
}
