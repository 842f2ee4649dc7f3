namespace Ecosystem.Scenarios;

/// <summary>A pretrained base model (<c>model.base</c>): a decoder of the vendor's architecture trained once on a large
/// real corpus, from which <c>training.initialWeights</c> "base" fine-tunes every generation.</summary>
public sealed record BaseSpec
{
    /// <summary>Corpus of the base; null trains on the scenario's own text source.</summary>
    public TextSource? Source { get; init; }

    /// <summary>Folder or file for the folder and jsonl sources, relative to the scenario file.</summary>
    public string? Path { get; init; }

    /// <summary>Only these genres of the base corpus, when set: a base pretrained on other genres than the scenario's
    /// data meets that data as a new domain, as OPT-125m meets wikitext2 in Shumailov et al.</summary>
    public IReadOnlyList<string>? Genres { get; init; }

    /// <summary>Passes over the base corpus.</summary>
    public int Epochs { get; init; } = 1;

    /// <summary>At most this many tokens of the base corpus (evenly spaced documents); null uses all of it.</summary>
    public long? MaxTokens { get; init; }

    /// <summary>Peak AdamW learning rate of pretraining.</summary>
    public double LearningRate { get; init; } = 3e-3;

    /// <summary>Seed of pretraining; independent of the scenario's seed so that runs with other seeds share the base.</summary>
    public long Seed { get; init; }
}
