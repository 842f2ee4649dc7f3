using Ecosystem.Abstractions.Corpus;
using Ecosystem.Watermarking;

namespace Ecosystem.Filtering;

/// <summary>Removes documents the watermark detector flags: z above the threshold under any known key
/// (Kirchenbauer et al. 2023 use z &gt; 4).</summary>
public sealed class WatermarkFilter(WatermarkDetector detector, double zThreshold) : IScrapeFilter
{
    /// <inheritdoc />
    public string Kind => "watermark";

    /// <inheritdoc />
    public bool[] Passes(IReadOnlyList<Document> documents) =>
        documents.Select(d => !detector.Detect(d.Content.Tokens).IsFlagged(zThreshold)).ToArray();
}
