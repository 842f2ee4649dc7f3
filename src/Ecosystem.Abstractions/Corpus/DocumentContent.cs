namespace Ecosystem.Abstractions.Corpus;

/// <summary>The payload of a document: token ids for text and categorical data, real values for continuous data.</summary>
/// <remarks>Exactly one of the two arrays is used by a given data kind; the other is empty, never null,
/// so that serialization and hashing stay simple.</remarks>
[GenerateSerializer, Immutable]
public sealed record DocumentContent(
    [property: Id(0)] int[] Tokens,
    [property: Id(1)] double[] Values)
{
    /// <summary>An empty payload.</summary>
    public static DocumentContent Empty { get; } = new([], []);

    /// <summary>A payload of token ids (text, or category indices).</summary>
    public static DocumentContent FromTokens(int[] tokens) => new(tokens, []);

    /// <summary>A payload of real values.</summary>
    public static DocumentContent FromValues(double[] values) => new([], values);

    /// <summary>Number of units (tokens or values) in the payload.</summary>
    public int Length => Tokens.Length + Values.Length;
}
