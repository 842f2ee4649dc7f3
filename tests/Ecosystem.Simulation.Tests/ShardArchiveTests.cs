using Ecosystem.Abstractions.Corpus;
using Ecosystem.Grains.Corpus;
using Ecosystem.Grains.Persistence;
using Ecosystem.Segments;

namespace Ecosystem.Simulation.Tests;

/// <summary>A sealed segment is read back only as it was sealed: a damaged or missing file is an error naming it.</summary>
public sealed class ShardArchiveTests : IDisposable
{
    private readonly string _bytes = Path.Combine(Path.GetTempPath(), "ecosystem-archive-tests", Guid.NewGuid().ToString("N"));

    private static IReadOnlyList<Document> Tick(int tick) => Enumerable.Range(0, 20).Select(i => new Document(
        DocumentIds.Human(tick, i, 0), tick, TickPhase.HumansPublish,
        new Provenance(AuthorKind.Human, $"h{i}", "", -1, "news", false, $"c{i}"), DocumentContent.FromTokens([i, i + 1, i + 2]))).ToList();

    [Fact]
    public async Task A_sealed_segment_reads_back_whole()
    {
        var (archive, _, strings) = Create();
        var sealedSegment = await archive.SealAsync(3, SegmentBuilder.Columns(3, Tick(3), strings), strings);

        var read = await archive.ReadAsync(archive.Sealed().Single(), new StringTable());

        Assert.Equal(20, sealedSegment.Count);
        Assert.Equal(20, read.Count);
        Assert.Equal(20, archive.Sealed().Single().CountFor(null));
    }

    [Fact]
    public async Task A_damaged_segment_file_is_refused_with_its_name()
    {
        var (archive, store, strings) = Create();
        var sealedSegment = await archive.SealAsync(3, SegmentBuilder.Columns(3, Tick(3), strings), strings);
        var path = Path.Combine(store.BytesFolder, sealedSegment.BlobName.Replace('/', Path.DirectorySeparatorChar));
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => archive.ReadAsync(archive.Sealed().Single(), new StringTable()));

        Assert.Contains(sealedSegment.BlobName, error.Message);
        Assert.Contains("damaged", error.Message);
    }

    [Fact]
    public async Task A_missing_segment_file_is_refused_with_its_tick()
    {
        var (archive, store, strings) = Create();
        var sealedSegment = await archive.SealAsync(5, SegmentBuilder.Columns(5, Tick(5), strings), strings);
        File.Delete(Path.Combine(store.BytesFolder, sealedSegment.BlobName.Replace('/', Path.DirectorySeparatorChar)));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => archive.ReadAsync(archive.Sealed().Single(), new StringTable()));

        Assert.Contains("tick 5", error.Message);
        Assert.Contains("missing", error.Message);
    }

    private (ShardArchive Archive, MemoryBlobStore Store, StringTable Strings) Create()
    {
        var store = new MemoryBlobStore(_bytes);
        return (new ShardArchive(new StateInMemory(), store, "run/0/shard-0"), store, new StringTable());
    }

    public void Dispose()
    {
        if (Directory.Exists(_bytes))
        {
            Directory.Delete(_bytes, recursive: true);
        }
    }

    /// <summary>Grain state held in a field: the archive's only collaborator besides the blob store.</summary>
    private sealed class StateInMemory : IPersistentState<ShardState>
    {
        public ShardState State { get; set; } = new();

        public string? Etag => null;

        public bool RecordExists => true;

        public Task ClearStateAsync()
        {
            State = new ShardState();
            return Task.CompletedTask;
        }

        public Task WriteStateAsync() => Task.CompletedTask;

        public Task ReadStateAsync() => Task.CompletedTask;
    }
}
