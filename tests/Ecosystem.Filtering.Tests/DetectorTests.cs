namespace Ecosystem.Filtering.Tests;

/// <summary>The zero-shot detector's threshold, its ROC AUC and the filter that applies them.</summary>
public class DetectorTests
{
    [Fact]
    public void The_threshold_flags_at_most_the_target_share_of_the_human_reference()
    {
        var random = new Random(4);
        var human = Enumerable.Range(0, 1000).Select(_ => random.NextDouble() * 10).ToArray();
        foreach (var rate in new[] { 0.01, 0.05, 0.2 })
        {
            var threshold = DetectorThreshold.For(human, rate);
            var flagged = DetectorThreshold.FlaggedShare(human, threshold);
            Assert.True(flagged <= rate, $"rate {rate}: flagged {flagged}");
            Assert.True(flagged > rate - 0.0015, $"rate {rate}: flagged {flagged}");
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => DetectorThreshold.For(human, 0));
        Assert.Throws<ArgumentException>(() => DetectorThreshold.For([double.NaN], 0.1));
    }

    [Fact]
    public void The_roc_auc_is_the_chance_a_machine_text_scores_below_a_human_one()
    {
        Assert.Equal(1, RocAuc.OfLowScores([1, 2, 3, 4], [true, true, false, false]), 12);
        Assert.Equal(0, RocAuc.OfLowScores([1, 2, 3, 4], [false, false, true, true]), 12);
        Assert.Equal(0.5, RocAuc.OfLowScores([2, 2, 2, 2], [true, false, true, false]), 12);
        // One positive (1.5) below both negatives, the other (3.5) above one: 3 of 4 pairs.
        Assert.Equal(0.75, RocAuc.OfLowScores([1.5, 2, 3.5, 4], [true, false, true, false]), 12);
        Assert.True(double.IsNaN(RocAuc.OfLowScores([1, 2], [true, true])));
    }

    [Fact]
    public void The_filter_removes_what_scores_below_the_threshold_and_passes_what_has_no_score()
    {
        var documents = new[] { Documents.Human("a", [1]), Documents.Synthetic("b", [2]), Documents.Human("c", [3]) };
        var scores = new Dictionary<string, double> { ["a"] = 5, ["b"] = 1 };
        var filter = new DetectorFilter(2, d => scores.TryGetValue(d.Id, out var s) ? s : null);

        Assert.Equal([true, false, true], filter.Passes(documents));
        Assert.Equal("detector", filter.Kind);
    }
}
