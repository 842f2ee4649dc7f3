using System.Security.Cryptography;
using Ecosystem.Grains.Persistence;
using Ecosystem.Segments;

namespace Ecosystem.Grains.Corpus;

/// <summary>Persists a corpus shard as append-only segments, one Arrow IPC file per tick, and the list of sealed ticks
/// (with each file's checksum) as grain state; a shard re-activated on another silo reads its segments back.</summary>
/// <remarks>A segment is sealed once its tick is complete; a tick that is run again forgets the segments from that tick
/// on and seals them anew under the same names.</remarks>
public sealed class ShardArchive(IPersistentState<ShardState> state, IBlobStore blobs, string shardKey)
{
    private readonly string _folder = BlobNames.FolderOf("shards", shardKey);

    /// <summary>The sealed segments, by tick, with nothing read yet.</summary>
    public IReadOnlyList<SealedSegment> Sealed() =>
        state.State.SealedTicks.Select(t => new SealedSegment(t, state.State.Counts.GetValueOrDefault(t),
            state.State.Sources.GetValueOrDefault(t) ?? [], SegmentName(t))).ToList();

    /// <summary>Reads a sealed segment's columns back, checking the file against the checksum it was sealed with.</summary>
    /// <exception cref="InvalidDataException">The file is missing, damaged or not a segment.</exception>
    public async Task<ColumnarSegment> ReadAsync(SealedSegment segment, StringTable strings)
    {
        using var rows = await OpenAsync(segment);
        return rows.ToColumns(strings);
    }

    /// <summary>A sealed segment's rows, read from its file into native memory after checking the file against the
    /// checksum it was sealed with; dispose them when done.</summary>
    /// <exception cref="InvalidDataException">The file is missing, damaged or not a segment.</exception>
    public async Task<SegmentFileRows> OpenAsync(SealedSegment segment)
    {
        var stream = await blobs.OpenReadAsync(segment.BlobName) ?? throw Missing(segment);
        try
        {
            if (!stream.CanSeek)
            {
                var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                await stream.DisposeAsync();
                stream = copy;
                stream.Position = 0;
            }

            if (state.State.Checksums.ContainsKey(segment.Tick))
            {
                // Hashed as it streams: a file-sized array for each segment a whole-web crawl reads back would be most
                // of the garbage of a web-scale run.
                var start = stream.Position;
                Verify(segment, Convert.ToHexString(await SHA256.HashDataAsync(stream)));
                stream.Position = start;
            }

            // The record batch is read whole into native memory, so the file can close now.
            return await ArrowSegmentFile.OpenAsync(stream, segment.BlobName);
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }

    /// <summary>A sealed segment's file, checked against the checksum it was sealed with.</summary>
    /// <exception cref="InvalidDataException">The file is missing or damaged.</exception>
    public async Task<byte[]> ReadBytesAsync(SealedSegment segment)
    {
        var bytes = await blobs.ReadAllBytesAsync(segment.BlobName) ?? throw Missing(segment);
        Verify(segment, Checksum(bytes));
        return bytes;
    }

    /// <summary>Forgets the segments of <paramref name="tick"/> and later ticks.</summary>
    public async Task ForgetFromAsync(int tick)
    {
        if (state.State.SealedTicks.RemoveAll(t => t >= tick) > 0)
        {
            foreach (var later in state.State.Checksums.Keys.Where(t => t >= tick).ToList())
            {
                state.State.Checksums.Remove(later);
                state.State.Counts.Remove(later);
                state.State.Sources.Remove(later);
            }

            await state.WriteStateAsync();
        }
    }

    /// <summary>Seals the segment of <paramref name="tick"/>: the file first, then the state that names it.</summary>
    public async Task<SealedSegment> SealAsync(int tick, ColumnarSegment columns, StringTable strings)
    {
        var bytes = ArrowSegmentFile.Write(columns, strings);
        var sources = columns.CountsBySource(strings);
        var sealedSegment = new SealedSegment(tick, columns.Count, sources, SegmentName(tick));
        await blobs.WriteBytesAsync(sealedSegment.BlobName, bytes);
        if (!state.State.SealedTicks.Contains(tick))
        {
            state.State.SealedTicks.Add(tick);
            state.State.SealedTicks.Sort();
        }

        state.State.Checksums[tick] = Checksum(bytes.Span);
        state.State.Counts[tick] = columns.Count;
        state.State.Sources[tick] = sources;
        await state.WriteStateAsync();
        return sealedSegment;
    }

    /// <summary>Deletes the segments and the state: the run is over.</summary>
    public async Task ClearAsync()
    {
        await blobs.DeleteFolderAsync(_folder);
        await state.ClearStateAsync();
    }

    private static string Checksum(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    private InvalidDataException Missing(SealedSegment segment) =>
        new($"Shard '{shardKey}': the segment of tick {segment.Tick} ('{segment.BlobName}') is sealed but missing from the blob store.");

    /// <summary>Refuses a file whose checksum is not the one its segment was sealed with (none recorded: nothing to check).</summary>
    private void Verify(SealedSegment segment, string actual)
    {
        if (state.State.Checksums.TryGetValue(segment.Tick, out var expected) && !string.Equals(expected, actual, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Shard '{shardKey}': the segment file '{segment.BlobName}' is damaged (its SHA-256 differs from the one it was sealed with).");
        }
    }

    private string SegmentName(int tick) => BlobNames.TickItem(_folder, "segment", tick) + ArrowSegmentFile.Extension;
}
