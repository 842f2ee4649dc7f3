namespace Ecosystem.Abstractions.Telemetry;

/// <summary>Attribute keys on the simulation's metrics and spans (OpenTelemetry style: lowercase, dot-namespaced).</summary>
public static class TelemetryAttributes
{
    /// <summary>The run id (scenario name and a unique suffix).</summary>
    public const string RunId = "ecosystem.run.id";

    /// <summary>The scenario's name.</summary>
    public const string Scenario = "ecosystem.scenario.name";

    /// <summary>Index of the independent world (replicate).</summary>
    public const string Replicate = "ecosystem.replicate";

    /// <summary>The vendor's name; absent on corpus-wide values.</summary>
    public const string Vendor = "ecosystem.vendor";

    /// <summary>The model generation; absent on corpus-wide values.</summary>
    public const string Generation = "ecosystem.model.generation";

    /// <summary>The simulated tick (spans only: on metrics it would make every tick a new series).</summary>
    public const string Tick = "ecosystem.tick";

    /// <summary>The tick phase a span covers.</summary>
    public const string Phase = "ecosystem.phase";

    /// <summary>Documents a scrape returned or a training set held.</summary>
    public const string Documents = "ecosystem.documents";

    /// <summary>A genre label (human genres known, model genres inferred).</summary>
    public const string Genre = "ecosystem.genre";

    /// <summary>Lower edge of a histogram bin.</summary>
    public const string HistogramBin = "ecosystem.histogram.bin";

    /// <summary>Index of a category of a categorical model.</summary>
    public const string Category = "ecosystem.category";

    /// <summary>Index of a mixture component.</summary>
    public const string Component = "ecosystem.mixture.component";

    /// <summary>A training epoch, from 1.</summary>
    public const string Epoch = "ecosystem.training.epoch";

    /// <summary>The order n of n-grams.</summary>
    public const string NGramOrder = "ecosystem.ngram.order";

    /// <summary>Where training data came from: "human" or the vendor that generated it.</summary>
    public const string DataSource = "ecosystem.data.source";

    /// <summary>A vendor's scrape filter: its position and kind, e.g. "0:watermark".</summary>
    public const string Filter = "ecosystem.filter";

    /// <summary>The quantity a theory row is about, e.g. "variance_ratio".</summary>
    public const string TheoryQuantity = "ecosystem.theory.quantity";

    /// <summary>The row's label when its instrument declares no more specific attribute.</summary>
    public const string Label = "ecosystem.label";
}
