using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Telemetry;
using Ecosystem.Grains.Telemetry;

namespace Ecosystem.Telemetry.Tests;

/// <summary>The gauges of the simulation meter: the latest value per series, with the run's attributes.</summary>
public class SimulationMeterTests
{
    private static string NewRunId() => "meter-test-" + Guid.NewGuid().ToString("N");

    [Fact]
    public void A_gauge_reports_the_latest_value_of_each_series_with_run_replicate_vendor_generation_and_label()
    {
        var runId = NewRunId();
        using var meter = new SimulationMeter();
        using var recorder = new MeasurementRecorder(runId);

        meter.Record(runId, "scenario-a", 0, [
            new MetricRow(0, 0, "", "", MetricNames.SyntheticShareDocuments, "", 0.1),
            new MetricRow(0, 0, "", "", MetricNames.GenreShare, "news", 0.4),
            new MetricRow(0, 1, "acme", "0", MetricNames.HeldoutPerplexity, "", 300),
        ]);
        meter.Record(runId, "scenario-a", 1, [
            new MetricRow(1, 0, "", "", MetricNames.SyntheticShareDocuments, "", 0.25),
            new MetricRow(1, 0, "", "", MetricNames.GenreShare, "news", 0.35),
            new MetricRow(1, 1, "acme", "0", MetricNames.HeldoutPerplexity, "", 280),
        ]);
        var measurements = recorder.Collect();

        var share = Assert.Single(measurements, m => m.Instrument == "ecosystem.corpus.synthetic_share");
        Assert.Equal(0.25, share.Value);
        Assert.Equal("1", share.Unit);
        Assert.Equal(new Dictionary<string, string>
        {
            [TelemetryAttributes.RunId] = runId, [TelemetryAttributes.Scenario] = "scenario-a", [TelemetryAttributes.Replicate] = "0",
        }, share.Attributes);
        var genre = Assert.Single(measurements, m => m.Instrument == "ecosystem.text.genre_share");
        Assert.Equal(0.35, genre.Value);
        Assert.Equal("news", genre.Attributes[TelemetryAttributes.Genre]);
        var perplexity = Assert.Single(measurements, m => m.Instrument == "ecosystem.model.heldout_perplexity");
        Assert.Equal(280, perplexity.Value);
        Assert.Equal(("1", "acme", "0"), (perplexity.Attributes[TelemetryAttributes.Replicate], perplexity.Attributes[TelemetryAttributes.Vendor],
            perplexity.Attributes[TelemetryAttributes.Generation]));
        Assert.Equal(2, Assert.Single(measurements, m => m.Instrument == MetricInstruments.CompletedTicks.Name).Value);
    }

    [Fact]
    public void A_new_generation_ends_the_series_of_the_previous_one()
    {
        var runId = NewRunId();
        using var meter = new SimulationMeter();
        using var recorder = new MeasurementRecorder(runId);

        meter.Record(runId, "s", 0, [new MetricRow(0, 0, "acme", "0", MetricNames.HeldoutPerplexity, "", 300)]);
        meter.Record(runId, "s", 1, [new MetricRow(1, 0, "acme", "1", MetricNames.HeldoutPerplexity, "", 250)]);
        var measurements = recorder.Collect().Where(m => m.Instrument == "ecosystem.model.heldout_perplexity").ToList();

        var current = Assert.Single(measurements);
        Assert.Equal("1", current.Attributes[TelemetryAttributes.Generation]);
        Assert.Equal(250, current.Value);
    }

    [Fact]
    public void A_series_keeps_its_value_through_ticks_that_do_not_report_it()
    {
        var runId = NewRunId();
        using var meter = new SimulationMeter();
        using var recorder = new MeasurementRecorder(runId);

        meter.Record(runId, "s", 0, [new MetricRow(0, 0, "acme", "0", MetricNames.TrainingDocuments, "", 120)]);
        meter.Record(runId, "s", 1, [new MetricRow(1, 0, "acme", "0", MetricNames.HeldoutPerplexity, "", 250)]);

        Assert.Equal(120, Assert.Single(recorder.Collect(), m => m.Instrument == "ecosystem.training.documents").Value);
    }

    [Fact]
    public void The_oldest_run_is_dropped_once_more_runs_than_retained_have_recorded()
    {
        var first = NewRunId();
        using var meter = new SimulationMeter();
        using var recorder = new MeasurementRecorder(first);
        var row = new MetricRow(0, 0, "", "", MetricNames.DocumentsTotal, "", 10);

        meter.Record(first, "s", 0, [row]);
        Assert.Single(recorder.Collect(), m => m.Instrument == "ecosystem.corpus.documents");
        for (var i = 0; i < SimulationMeter.RetainedRuns - 1; i++)
        {
            meter.Record(NewRunId(), "s", 0, [row]);
        }

        Assert.Single(recorder.Collect(), m => m.Instrument == "ecosystem.corpus.documents");
        meter.Record(NewRunId(), "s", 0, [row]);
        Assert.Empty(recorder.Collect());
    }

    [Fact]
    public void A_forgotten_run_reports_nothing()
    {
        var runId = NewRunId();
        using var meter = new SimulationMeter();
        using var recorder = new MeasurementRecorder(runId);

        meter.Record(runId, "s", 0, [new MetricRow(0, 0, "", "", MetricNames.DocumentsTotal, "", 10)]);
        meter.Forget(runId);

        Assert.Empty(recorder.Collect());
    }

    [Fact]
    public void An_undeclared_statistic_gets_a_gauge_of_its_own()
    {
        var runId = NewRunId();
        using var meter = new SimulationMeter();
        using var recorder = new MeasurementRecorder(runId);

        meter.Record(runId, "s", 0, [new MetricRow(0, 0, "acme", "0", "perplexity_gap", "x", 1.5)]);

        var gap = Assert.Single(recorder.Collect(), m => m.Instrument == "ecosystem.model.perplexity_gap");
        Assert.Equal(1.5, gap.Value);
        Assert.Equal("x", gap.Attributes[TelemetryAttributes.Label]);
    }
}
