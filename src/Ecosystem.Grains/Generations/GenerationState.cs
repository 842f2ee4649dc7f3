using Ecosystem.Abstractions.Simulation;

namespace Ecosystem.Grains.Generations;

/// <summary>The persisted state of a model generation: how it was trained, with its training set in the blob store, so
/// that an activation on another silo can fit the same model again.</summary>
[GenerateSerializer]
public sealed class GenerationState
{
    /// <summary>The setup it was trained with; null before training.</summary>
    [Id(0)]
    public GenerationSetup? Setup { get; set; }

    /// <summary>Blob name of its training set (the documents, in training order).</summary>
    [Id(1)]
    public string? TrainingSet { get; set; }

    /// <summary>How the training set's blob is written; states saved before the field existed read as
    /// <see cref="TrainingSetFormat.Serialized"/>.</summary>
    [Id(2)]
    public TrainingSetFormat Format { get; set; }
}
