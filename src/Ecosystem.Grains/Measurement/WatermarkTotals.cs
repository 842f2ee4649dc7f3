using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Watermarking;

namespace Ecosystem.Grains.Measurement;

/// <summary>Running totals of what the watermark detector sees in one world's corpus, beside the truth from provenance.</summary>
public sealed class WatermarkTotals(WatermarkDetector detector, double zThreshold)
{
    private long _documents;
    private long _flagged;
    private long _watermarked;
    private long _watermarkedFlagged;
    private long _human;
    private long _humanFlagged;

    /// <summary>The counts so far, to persist.</summary>
    public long[] Counts => [_documents, _flagged, _watermarked, _watermarkedFlagged, _human, _humanFlagged];

    /// <summary>Continues from counts saved by <see cref="Counts"/>.</summary>
    public void Restore(IReadOnlyList<long> counts)
    {
        (_documents, _flagged, _watermarked, _watermarkedFlagged, _human, _humanFlagged) =
            (counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
    }

    /// <summary>Adds a tick's newly published documents.</summary>
    public void Add(IEnumerable<Document> documents)
    {
        foreach (var document in documents)
        {
            var flagged = detector.Detect(document.Content.Tokens).IsFlagged(zThreshold) ? 1 : 0;
            _documents++;
            _flagged += flagged;
            if (document.Provenance.IsWatermarked)
            {
                _watermarked++;
                _watermarkedFlagged += flagged;
            }

            if (!document.Provenance.IsSynthetic)
            {
                _human++;
                _humanFlagged += flagged;
            }
        }
    }

    /// <summary>Adds the corpus rows: detected synthetic share, watermarked share, true and false positive rates
    /// (rates only once there is something to divide by).</summary>
    public void AddRows(RowSink sink)
    {
        if (_documents == 0)
        {
            return;
        }

        sink.Add(MetricNames.DetectedSyntheticShareDocuments, (double)_flagged / _documents);
        sink.Add(MetricNames.WatermarkedShareDocuments, (double)_watermarked / _documents);
        if (_watermarked > 0)
        {
            sink.Add(MetricNames.WatermarkTruePositiveRate, (double)_watermarkedFlagged / _watermarked);
        }

        if (_human > 0)
        {
            sink.Add(MetricNames.WatermarkFalsePositiveRate, (double)_humanFlagged / _human);
        }
    }
}
