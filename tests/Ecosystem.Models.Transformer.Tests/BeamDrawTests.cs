using TorchSharp;

namespace Ecosystem.Models.Transformer.Tests;

public sealed class BeamDrawTests
{
    private const int Draws = 20_000;
    private const double Temperature = 2;

    // Scores 0, 1, 2, -inf at temperature 2: probabilities proportional to 1, e^0.5, e^1 and 0.
    private static readonly float[] Candidates = [0f, 1f, 2f, float.NegativeInfinity];

    private static double[] Probabilities
    {
        get
        {
            var weights = Candidates.Select(s => Math.Exp(s / Temperature)).ToArray();
            return weights.Select(w => w / weights.Sum()).ToArray();
        }
    }

    [Fact]
    public void One_draw_follows_the_softmax_of_the_scores_over_the_temperature()
    {
        var counts = new int[Candidates.Length];
        var generator = new Random(11);
        using var scores = torch.tensor(Candidates, [1, Candidates.Length]);
        for (var i = 0; i < Draws; i++)
        {
            counts[BeamDraw.Draw(scores, Temperature, 1, [generator])[0]]++;
        }

        Assert.Equal(0, counts[3]);
        for (var c = 0; c < 3; c++)
        {
            AssertWithinThreeStandardErrors(Probabilities[c], counts[c]);
        }
    }

    [Theory]
    [InlineData(4, new[] { 0, 1, 2 })]
    [InlineData(700, new[] { 10, 300, 699 })]
    public void Two_draws_are_without_replacement_and_each_pair_has_its_plackett_luce_probability(int width, int[] live)
    {
        // Scores 0, 1, 2 at the live positions, -inf elsewhere; 700 candidates span several summing blocks.
        // P({a, b}) = p_a p_b / (1 - p_a) + p_b p_a / (1 - p_b): a first then b, or b first then a.
        var candidates = Enumerable.Repeat(float.NegativeInfinity, width).ToArray();
        for (var i = 0; i < live.Length; i++)
        {
            candidates[live[i]] = Candidates[i];
        }

        var p = new double[width];
        for (var i = 0; i < live.Length; i++)
        {
            p[live[i]] = Probabilities[i];
        }

        var pairs = new Dictionary<(long, long), int>();
        var generator = new Random(12);
        using var scores = torch.tensor(candidates, [1, width]);
        for (var i = 0; i < Draws; i++)
        {
            var drawn = BeamDraw.Draw(scores, Temperature, 2, [generator]);
            Assert.NotEqual(drawn[0], drawn[1]);
            var key = (Math.Min(drawn[0], drawn[1]), Math.Max(drawn[0], drawn[1]));
            pairs[key] = pairs.GetValueOrDefault(key) + 1;
        }

        Assert.Equal(3, pairs.Count);
        foreach (var ((a, b), count) in pairs)
        {
            AssertWithinThreeStandardErrors(p[a] * p[b] / (1 - p[a]) + p[b] * p[a] / (1 - p[b]), count);
        }
    }

    [Fact]
    public void Each_row_draws_from_its_own_generator_and_a_row_short_of_candidates_completes_its_draw()
    {
        using var scores = torch.zeros([2, 50]);
        var both = BeamDraw.Draw(scores, 1, 5, [new Random(5), new Random(6)]);
        var alone = BeamDraw.Draw(scores.narrow(0, 0, 1), 1, 5, [new Random(5)]);
        Assert.Equal(alone, both[..5]);
        Assert.NotEqual(both[..5], both[5..]);

        // Two live candidates and three drawn: the live ones first, then the lowest remaining indices.
        using var narrow = torch.tensor(new[] { float.NegativeInfinity, 0f, float.NegativeInfinity, 0f, float.NegativeInfinity }, [1, 5]);
        var drawn = BeamDraw.Draw(narrow, 1, 3, [new Random(7)]);
        Assert.Equal(new long[] { 1, 3 }, drawn[..2].Order());
        Assert.Equal(0, drawn[2]);
    }

    private static void AssertWithinThreeStandardErrors(double expected, int count)
    {
        var standardError = Math.Sqrt(expected * (1 - expected) / Draws);
        Assert.InRange((double)count / Draws, expected - 3 * standardError, expected + 3 * standardError);
    }
}
