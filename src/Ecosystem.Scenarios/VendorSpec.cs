namespace Ecosystem.Scenarios;

/// <summary>A model vendor: its model family, release schedule, data policy, decoding and deployment.</summary>
public sealed record VendorSpec
{
    /// <summary>Unique name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Model family and its settings.</summary>
    public ModelSpec Model { get; init; } = new();

    /// <summary>Release schedule.</summary>
    public ReleaseSpec Release { get; init; } = new();

    /// <summary>Data policy.</summary>
    public TrainingSpec Training { get; init; } = new();

    /// <summary>Decoding settings.</summary>
    public DecodingSpec Decoding { get; init; } = new();

    /// <summary>Deployment volume.</summary>
    public DeploymentSpec Deployment { get; init; } = new();

    /// <summary>The vendor's watermark; null when it does not watermark.</summary>
    public WatermarkSpec? Watermark { get; init; }
}
