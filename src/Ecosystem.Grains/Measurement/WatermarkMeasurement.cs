using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Grains.Runs;
using Ecosystem.Watermarking;

namespace Ecosystem.Grains.Measurement;

/// <summary>How well the watermark detector sees what a vendor published: the share of its watermarked documents
/// flagged (true positive rate) and their mean z-score under its own key.</summary>
public static class WatermarkMeasurement
{
    /// <summary>Adds the detection rows of <paramref name="published"/>' watermarked documents, if it has any.</summary>
    public static void AddDetection(RowSink sink, RunContext context, GreenListWatermark watermark, IReadOnlyList<Document> published)
    {
        var watermarked = published.Where(d => d.Provenance.IsWatermarked).ToList();
        if (watermarked.Count == 0)
        {
            return;
        }

        var threshold = context.Scenario.Metrics.WatermarkZThreshold;
        var flagged = watermarked.Count(d => context.Detector.Detect(d.Content.Tokens).IsFlagged(threshold));
        sink.Add(MetricNames.WatermarkTruePositiveRate, (double)flagged / watermarked.Count);
        sink.Add(MetricNames.WatermarkMeanZ, watermarked.Average(d => context.Detector.Score(d.Content.Tokens, watermark).Z));
    }
}
