namespace Ecosystem.Corpus.Tests;

/// <summary>Cutting token sequences into fixed-length documents.</summary>
public sealed class DocumentChunkerTests
{
    [Fact]
    public void CutsConsecutiveFullChunksAndDropsTheTail()
    {
        var chunks = DocumentChunker.Chunk(Enumerable.Range(0, 10).ToArray(), 4);
        Assert.Equal([[0, 1, 2, 3], [4, 5, 6, 7]], chunks);
    }

    [Fact]
    public void ShortTextGivesNoChunk()
    {
        Assert.Empty(DocumentChunker.Chunk(new[] { 1, 2, 3 }, 4));
    }
}
