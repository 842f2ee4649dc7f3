namespace Ecosystem.Watermarking;

/// <summary>The detector's verdict on a document: the highest z-score over the known keys and the key that gave it
/// (null when no key is known or the document has no scored token).</summary>
public readonly record struct WatermarkDetection(string? Key, double Z)
{
    /// <summary>True when the document is flagged as watermarked at <paramref name="zThreshold"/> (z above it).</summary>
    public bool IsFlagged(double zThreshold) => Key is not null && Z > zThreshold;
}
