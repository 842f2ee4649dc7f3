namespace Ecosystem.Scenarios;

/// <summary>A vendor's green-list watermark (Kirchenbauer et al. 2023) and how much of its output carries it.</summary>
public sealed record WatermarkSpec
{
    /// <summary>Share of the vendor's published documents that are watermarked.</summary>
    public double Adoption { get; init; } = 1;

    /// <summary>Share of the vocabulary on each green list.</summary>
    public double Gamma { get; init; } = 0.25;

    /// <summary>Bias added to the logits of green tokens.</summary>
    public double Delta { get; init; } = 2;

    /// <summary>The secret key; null uses the vendor's name.</summary>
    public string? Key { get; init; }
}
