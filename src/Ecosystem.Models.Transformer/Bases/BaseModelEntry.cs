namespace Ecosystem.Models.Transformer.Bases;

/// <summary>A cached base as its manifest describes it: the recipe, when and how fast it was built, its size and the
/// SHA-256 of its weights file (checked on every load, so a damaged file is rebuilt, never used; a damaged model
/// manifest fails to load and is rebuilt too).</summary>
public sealed record BaseModelEntry(
    string Key,
    BaseModelRecipe Recipe,
    DateTimeOffset BuiltAt,
    double BuildSeconds,
    long Parameters,
    int VocabularyRows,
    double FinalLoss,
    double TokensPerSecond,
    string WeightsSha256)
{
    /// <summary>The folder of the base inside its cache.</summary>
    public string Folder { get; init; } = "";
}
