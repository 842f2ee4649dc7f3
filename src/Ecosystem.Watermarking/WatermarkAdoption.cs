namespace Ecosystem.Watermarking;

/// <summary>Which of a batch of generated documents carry the watermark when a vendor watermarks a share
/// <c>adoption</c> of its output.</summary>
/// <remarks>Document i is watermarked when floor((i + 1) a) &gt; floor(i a): the watermarked documents are spread
/// evenly through the batch, and the first n documents hold floor(n a) of them, so the share is exact rather than
/// binomial and the choice needs no random draw.</remarks>
public static class WatermarkAdoption
{
    /// <summary>True when document <paramref name="index"/> (0-based) of a batch is watermarked at
    /// <paramref name="adoption"/> in [0, 1].</summary>
    public static bool IsWatermarked(int index, double adoption)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return Math.Floor((index + 1.0) * adoption) > Math.Floor(index * adoption);
    }
}
