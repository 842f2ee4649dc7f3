namespace Ecosystem.Scenarios;

/// <summary>How much the deployed generation publishes into the corpus.</summary>
public sealed record DeploymentSpec
{
    /// <summary>Synthetic documents published per tick by the deployed generation.</summary>
    public int DocumentsPerTick { get; init; } = 100;

    /// <summary>Units per generated document; null uses the human document length.</summary>
    public int? DocumentLength { get; init; }
}
