namespace Ecosystem.Scenarios;

/// <summary>Real text: its source, how it is cut into documents and how much is held out for evaluation.</summary>
public sealed record TextDataSpec
{
    /// <summary>Corpus source.</summary>
    public TextSource Source { get; init; } = TextSource.Brown;

    /// <summary>Folder or file for the folder and jsonl sources, relative to the scenario file.</summary>
    public string? Path { get; init; }

    /// <summary>Tokens per document.</summary>
    public int DocumentTokens { get; init; } = 128;

    /// <summary>Share of source texts per genre kept aside for evaluation and never published.</summary>
    public double HeldOutFraction { get; init; } = 0.1;

    /// <summary>Only these genres, when set.</summary>
    public IReadOnlyList<string>? Genres { get; init; }

    /// <summary>At most this many training documents (a genre-stratified subset), when set.</summary>
    public int? MaxDocuments { get; init; }
}
