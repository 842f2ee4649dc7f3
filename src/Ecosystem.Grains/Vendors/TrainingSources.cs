using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Grains.Measurement;
using Ecosystem.Scenarios;

namespace Ecosystem.Grains.Vendors;

/// <summary>Where a training set came from, by provenance: the share from human text and from each vendor's output,
/// which over all vendors is the who-trained-on-whom matrix.</summary>
public static class TrainingSources
{
    /// <summary>The label of human-written documents.</summary>
    public const string Human = "human";

    /// <summary>Adds one row per source (human first, then every vendor of the scenario in order, zeros included, so the
    /// matrix is square whatever was scraped).</summary>
    public static void Add(RowSink sink, IReadOnlyList<VendorSpec> vendors, IReadOnlyCollection<Document> trainingSet)
    {
        if (trainingSet.Count == 0)
        {
            return;
        }

        var byVendor = trainingSet.Where(d => d.Provenance.IsSynthetic).CountBy(d => d.Provenance.Vendor).ToDictionary(StringComparer.Ordinal);
        var human = trainingSet.Count(d => !d.Provenance.IsSynthetic);
        sink.Add(MetricNames.TrainingSourceShare, (double)human / trainingSet.Count, Human);
        foreach (var vendor in vendors)
        {
            sink.Add(MetricNames.TrainingSourceShare, (double)byVendor.GetValueOrDefault(vendor.Name) / trainingSet.Count, vendor.Name);
        }
    }
}
