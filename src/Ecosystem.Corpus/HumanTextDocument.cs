namespace Ecosystem.Corpus;

/// <summary>A fixed-length run of tokens cut from one human source text.</summary>
/// <param name="Id">Source id and chunk index, e.g. <c>brown/ca01#003</c>.</param>
/// <param name="Genre">Genre of the source text.</param>
/// <param name="Tokens">Exactly <see cref="CorpusOptions.DocumentTokens"/> token ids; shared, so never modify it.</param>
public sealed record HumanTextDocument(string Id, string Genre, int[] Tokens)
{
    /// <summary>The id of the source text this document was cut from (the part of <see cref="Id"/> before the last '#').</summary>
    public string SourceId => Id.LastIndexOf('#') is var hash and >= 0 ? Id[..hash] : Id;
}
