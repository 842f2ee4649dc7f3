using Ecosystem.Abstractions.Metrics;
using Xunit.Abstractions;

namespace Ecosystem.Simulation.Tests;

/// <summary>Watermark filtering through the ecosystem: three vendors watermark 0%, 50% and 100% of their output and
/// train on human text plus their own output through a watermark filter; a fourth watermarks everything and does not
/// filter. People paraphrase 35% of the tokens of everything the models publish, so detection is well below 1 and
/// adoption × detection differs from adoption. The filter lowers the synthetic part of each training set by
/// adoption × detection rate.</summary>
public class WatermarkFilteringTests(SingleSiloCluster fixture, ITestOutputHelper output) : IClassFixture<SingleSiloCluster>
{
    private const string Filter = "0:watermark";

    private const string Scenario = """
        {
          "name": "watermark-filtering", "seed": 17, "ticks": 3,
          "data": { "kind": "text", "text": { "documentTokens": 128, "maxDocuments": 2000 } },
          "humans": { "authors": 40, "initialDocuments": 600, "documentsPerTick": 200 },
          "vendors": [
            { "name": "none", "watermark": { "adoption": 0 }, "training": { "sources": "self", "filters": [ { "kind": "watermark" } ] }, "deployment": { "documentsPerTick": 600, "paraphraseRate": 0.35 } },
            { "name": "half", "watermark": { "adoption": 0.5 }, "training": { "sources": "self", "filters": [ { "kind": "watermark" } ] }, "deployment": { "documentsPerTick": 600, "paraphraseRate": 0.35 } },
            { "name": "all", "watermark": { "adoption": 1 }, "training": { "sources": "self", "filters": [ { "kind": "watermark" } ] }, "deployment": { "documentsPerTick": 600, "paraphraseRate": 0.35 } },
            { "name": "open", "watermark": { "adoption": 1 }, "training": { "sources": "self" }, "deployment": { "documentsPerTick": 600, "paraphraseRate": 0.35 } },
            { "name": "curated", "training": { "sources": "self", "filters": [ { "kind": "cutoff", "tick": 1 }, { "kind": "exactDuplicate" },
              { "kind": "nearDuplicate", "threshold": 0.5 }, { "kind": "perplexity", "max": 1500 } ] }, "decoding": { "temperature": 0.3 }, "deployment": { "documentsPerTick": 600, "documentLength": 16 } }
          ],
          "metrics": { "heldOutDocuments": 100 }
        }
        """;

    // Both tests read the same run.
    private static readonly SemaphoreSlim RunOnce = new(1, 1);
    private static IReadOnlyList<MetricRow>? _rows;

    private async Task<IReadOnlyList<MetricRow>> RowsAsync()
    {
        await RunOnce.WaitAsync();
        try
        {
            return _rows ??= (await ScenarioRuns.RunAsync(fixture.Handle, ScenarioRuns.Parse(Scenario))).Metrics;
        }
        finally
        {
            RunOnce.Release();
        }
    }

    [Fact]
    public async Task Watermark_filtering_lowers_the_synthetic_share_of_training_data_by_adoption_times_detection()
    {
        var rows = await RowsAsync();
        double Value(string metric, int tick, string vendor, string label = "") => ScenarioRuns.Value(rows, metric, tick, vendor, label);

        foreach (var tick in new[] { 1, 2 })
        {
            var share = new Dictionary<string, double>();
            foreach (var (vendor, adoption) in new[] { ("none", 0.0), ("half", 0.5), ("all", 1.0) })
            {
                var removedSynthetic = Value(MetricNames.FilterRemovedSynthetic, tick, vendor, Filter);
                var synthetic = removedSynthetic + Value(MetricNames.FilterPassedSynthetic, tick, vendor, Filter);
                var removedHuman = Value(MetricNames.FilterRemovedHuman, tick, vendor, Filter);
                var human = removedHuman + Value(MetricNames.FilterPassedHuman, tick, vendor, Filter);

                // What the vendor published at the previous tick is exactly the synthetic part of this scrape.
                Assert.Equal(600, synthetic);
                var detection = adoption > 0 ? Value(MetricNames.WatermarkTruePositiveRate, tick - 1, vendor) : 0;
                if (adoption > 0)
                {
                    Assert.InRange(detection, 0.3, 0.9);
                }

                // The removed share differs from adoption × detection only by false flags of unwatermarked synthetic
                // text (at most the 1% false positive rate shown on held-out text, times 1 - adoption).
                var removedShare = removedSynthetic / synthetic;
                output.WriteLine($"tick {tick} {vendor}: removed {removedShare:P1} of synthetic (adoption x detection {adoption * detection:P1}), {removedHuman} of {human} human");
                Assert.InRange(removedShare, adoption * detection - 0.012, adoption * detection + 0.012);
                Assert.True(removedHuman <= 0.01 * human, $"{vendor}: {removedHuman} of {human} human documents removed");

                // The training set is what passed the filter: its synthetic documents are the 1 - a d that survived.
                var training = Value(MetricNames.TrainingDocuments, tick, vendor);
                var trainingSynthetic = Math.Round(training * Value(MetricNames.TrainingSyntheticShare, tick, vendor));
                Assert.Equal(human - removedHuman + synthetic - removedSynthetic, training);
                Assert.Equal(synthetic - removedSynthetic, trainingSynthetic);
                share[vendor] = Value(MetricNames.TrainingSyntheticShare, tick, vendor);

                // The detector's view of the training set: what it can still see is the watermarked text it missed.
                Assert.True(Value(MetricNames.TrainingDetectedSyntheticShare, tick, vendor) <= share[vendor]);
            }

            share["open"] = Value(MetricNames.TrainingSyntheticShare, tick, "open");
            output.WriteLine($"tick {tick} training synthetic share: " + string.Join(", ", share.Select(s => $"{s.Key} {s.Value:P1}")));
            Assert.True(share["all"] < share["half"] && share["half"] < share["none"], "more adoption, less synthetic training data");
            Assert.True(Math.Abs(share["none"] - share["open"]) < 0.01, "without watermarks the filter removes nearly nothing");
        }

        // The corpus as the detector sees it: the flagged share is the watermarked share times the detection rate (plus
        // false flags), below the true synthetic share; human text is not flagged.
        const int last = 2;
        Assert.True(Value(MetricNames.WatermarkFalsePositiveRate, last, "") <= 0.01);
        var detected = Value(MetricNames.DetectedSyntheticShareDocuments, last, "");
        var expected = Value(MetricNames.WatermarkedShareDocuments, last, "") * Value(MetricNames.WatermarkTruePositiveRate, last, "");
        output.WriteLine($"corpus at tick {last}: detected {detected:P1}, watermarked x detection {expected:P1}, true synthetic share {Value(MetricNames.SyntheticShareDocuments, last, ""):P1}");
        Assert.InRange(detected, expected, expected + 0.01);
        Assert.True(detected < Value(MetricNames.SyntheticShareDocuments, last, ""));
    }

    [Fact]
    public async Task Each_filter_of_a_chain_reports_true_and_false_removals_that_add_up_to_the_training_set()
    {
        // The curated vendor: crawl cut-off at tick 1, exact and near duplicates, perplexity above 1,500 under
        // generation 0; short documents sampled at temperature 0.3 repeat each other, so the duplicate filters find work.
        var rows = await RowsAsync();
        double Value(string metric, int tick, string label = "") => ScenarioRuns.Value(rows, metric, tick, "curated", label);
        string[] labels = ["0:cutoff", "1:exactDuplicate", "2:nearDuplicate", "3:perplexity"];

        foreach (var tick in new[] { 1, 2 })
        {
            double? human = null, synthetic = null;
            foreach (var label in labels)
            {
                var (removedHuman, removedSynthetic) = (Value(MetricNames.FilterRemovedHuman, tick, label), Value(MetricNames.FilterRemovedSynthetic, tick, label));
                var (passedHuman, passedSynthetic) = (Value(MetricNames.FilterPassedHuman, tick, label), Value(MetricNames.FilterPassedSynthetic, tick, label));
                output.WriteLine($"tick {tick} {label}: removed {removedHuman} human, {removedSynthetic} synthetic; passed {passedHuman} human, {passedSynthetic} synthetic");

                // What reached a filter is what the one before it passed.
                Assert.Equal(human ?? removedHuman + passedHuman, removedHuman + passedHuman);
                Assert.Equal(synthetic ?? removedSynthetic + passedSynthetic, removedSynthetic + passedSynthetic);
                (human, synthetic) = (passedHuman, passedSynthetic);
            }

            Assert.Equal(human + synthetic, Value(MetricNames.TrainingDocuments, tick));
        }

        // At tick 1 the cut-off keeps everything (nothing is newer than tick 1); at tick 2 it removes exactly the human
        // documents published at tick 2, which are all the human documents of that scrape.
        Assert.Equal(0, Value(MetricNames.FilterRemovedHuman, 1, "0:cutoff") + Value(MetricNames.FilterRemovedSynthetic, 1, "0:cutoff"));
        Assert.Equal(0, Value(MetricNames.FilterPassedHuman, 2, "0:cutoff"));
        Assert.True(Value(MetricNames.FilterRemovedHuman, 2, "0:cutoff") > 150);
        Assert.Equal(0, Value(MetricNames.FilterRemovedSynthetic, 2, "0:cutoff"));

        // Low-temperature output repeats itself: the duplicate filters find copies among the synthetic documents.
        Assert.True(Value(MetricNames.FilterRemovedSynthetic, 1, "1:exactDuplicate") + Value(MetricNames.FilterRemovedSynthetic, 1, "2:nearDuplicate") > 0);
    }
}
