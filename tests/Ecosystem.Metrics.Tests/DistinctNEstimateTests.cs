namespace Ecosystem.Metrics.Tests;

public class DistinctNEstimateTests
{
    // 3,000 documents of 128 Zipf-like ids over a 16-bit vocabulary (plus one over 16 bits in a second set, so that
    // 4-grams need 128-bit keys and take the hashed path): hundreds of thousands of n-grams of each order, with repeats.
    private static int[][] Documents(int seed, int maxId)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 3_000)
            .Select(_ => Enumerable.Range(0, 128).Select(_ => (int)Math.Min(maxId, Math.Floor(Math.Exp(random.NextDouble() * Math.Log(maxId))))).ToArray())
            .ToArray();
    }

    [Theory]
    [InlineData(1, 50_000)]
    [InlineData(2, 200_000)]
    public void Orders_above_the_limit_are_within_four_standard_errors_of_the_exact_count(int seed, int maxId)
    {
        var documents = Documents(seed, maxId);
        for (var n = 2; n <= DistinctN.MaxN; n++)
        {
            var exact = DistinctN.Count(documents, n);
            var estimated = DistinctN.Count(documents, n, exactLimit: 1_000);
            Assert.Equal(exact.Total, estimated.Total);
            var tolerance = 4 * DistinctN.SketchRelativeStandardError * exact.Distinct;
            Assert.InRange(estimated.Distinct, exact.Distinct - tolerance, exact.Distinct + tolerance);
        }
    }

    [Fact]
    public void Unigrams_and_orders_within_the_limit_stay_exact()
    {
        var documents = Documents(3, 50_000);
        var total = DistinctN.Count(documents, 2).Total;
        Assert.Equal(DistinctN.Count(documents, 1), DistinctN.Count(documents, 1, exactLimit: 10));
        Assert.Equal(DistinctN.Count(documents, 2), DistinctN.Count(documents, 2, exactLimit: total));
        Assert.Equal(DistinctN.ComputeAll(documents), DistinctN.ComputeAll(documents, exactLimit: null));
    }
}
