namespace Ecosystem.Corpus;

/// <summary>Cuts a token sequence into consecutive documents of equal length.</summary>
public static class DocumentChunker
{
    /// <summary>The full chunks of <paramref name="documentTokens"/> tokens, in order; a shorter tail is dropped.</summary>
    public static IReadOnlyList<int[]> Chunk(ReadOnlySpan<int> tokens, int documentTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(documentTokens, 1);
        var chunks = new int[tokens.Length / documentTokens][];
        for (var i = 0; i < chunks.Length; i++)
        {
            chunks[i] = tokens.Slice(i * documentTokens, documentTokens).ToArray();
        }

        return chunks;
    }
}
