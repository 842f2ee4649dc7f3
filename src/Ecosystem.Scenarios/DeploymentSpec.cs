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
}
