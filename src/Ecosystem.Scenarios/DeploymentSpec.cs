namespace Ecosystem.Scenarios;

/// <summary>How much the deployed generation publishes into the corpus.</summary>
public sealed record DeploymentSpec
{
    /// <summary>Synthetic documents published per tick by the deployed generation.</summary>
    public int DocumentsPerTick { get; init; } = 100;

    /// <summary>Units per generated document; null uses the human document length.</summary>
    public int? DocumentLength { get; init; }

    /// <summary>Share of the tokens of every published document rewritten before it reaches the web (people editing
    /// model output); it lowers watermark detection.</summary>
    public double ParaphraseRate { get; init; }

    /// <summary>Growth of the volume per tick since the vendor's first release (adoption of the product growing).</summary>
    public double Growth { get; init; }

    /// <summary>Ceiling of the grown volume; null means none.</summary>
    public int? MaxDocumentsPerTick { get; init; }

    /// <summary>Documents published at a tick <paramref name="ticksSinceFirstRelease"/> ticks after the first release.</summary>
    public int DocumentsAt(int ticksSinceFirstRelease)
    {
        var grown = DocumentsPerTick * Math.Pow(1 + Growth, Math.Max(0, ticksSinceFirstRelease));
        var capped = MaxDocumentsPerTick is { } max ? Math.Min(grown, max) : grown;
        return (int)Math.Min(Math.Round(capped, MidpointRounding.AwayFromZero), 100_000_000);
    }
}
