namespace Ecosystem.Scenarios;

/// <summary>The true data distribution: a text corpus or one of the theory distributions.</summary>
public sealed record DataSpec
{
    /// <summary>Which kind of data; selects which of the sections below is used.</summary>
    public DataKind Kind { get; init; } = DataKind.Text;

    /// <summary>Text corpus settings (kind = text).</summary>
    public TextDataSpec Text { get; init; } = new();

    /// <summary>Normal distribution (kind = gaussian).</summary>
    public GaussianDataSpec Gaussian { get; init; } = new();

    /// <summary>Categorical distribution (kind = categorical).</summary>
    public CategoricalDataSpec Categorical { get; init; } = new();

    /// <summary>Gaussian mixture (kind = mixture).</summary>
    public MixtureDataSpec Mixture { get; init; } = new();
}
