using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Abstractions.Simulation;

/// <summary>The opening of a document a model generation was trained on, for the model to continue: which document
/// it came from, its genre (which the continuation inherits) and its first tokens.</summary>
[GenerateSerializer, Immutable]
public sealed record TrainingPrompt(
    [property: Id(0)] string SourceId,
    [property: Id(1)] string Genre,
    [property: Id(2)] DocumentContent Content);
