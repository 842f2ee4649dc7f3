using Ecosystem.Grains.Persistence;
using Orleans.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Ecosystem.Simulation.Tests;

/// <summary>What every blob store must do, run against each implementation.</summary>
public sealed class BlobStoreContractTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosystem-blob-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    public static TheoryData<string> Stores => ["memory", "file"];

    private IBlobStore Create(string kind) => kind == "memory"
        ? new MemoryBlobStore(Path.Combine(_root, "bytes"))
        : new FileBlobStore(Path.Combine(_root, "files"), _services.GetRequiredService<Serializer>());

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Byte_blobs_read_back_as_written_and_a_rewrite_replaces_them_whole(string kind)
    {
        var store = Create(kind);
        var folder = BlobNames.FolderOf("shards", "run/0/shard-1");
        await store.WriteBytesAsync($"{folder}/segment-000001.arrow", new byte[] { 1, 2, 3 });
        await store.WriteBytesAsync($"{folder}/segment-000001.arrow", new byte[] { 4, 5 });

        await using var stream = await store.OpenReadAsync($"{folder}/segment-000001.arrow");
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);

        Assert.Equal(new byte[] { 4, 5 }, copy.ToArray());
        Assert.Null(await store.OpenReadAsync($"{folder}/segment-000002.arrow"));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Deleting_a_folder_deletes_its_byte_blobs_and_its_values(string kind)
    {
        var store = Create(kind);
        var folder = BlobNames.FolderOf("shards", "run/0/shard-2");
        await store.WriteBytesAsync($"{folder}/segment-000000.arrow", new byte[] { 9 });
        await store.WriteAsync($"{folder}/state", new List<int> { 1, 2 });

        await store.DeleteFolderAsync(folder);

        Assert.Null(await store.OpenReadAsync($"{folder}/segment-000000.arrow"));
        Assert.Null(await store.ReadAsync<List<int>>($"{folder}/state"));
    }

    [Fact]
    public async Task The_memory_store_keeps_byte_blobs_on_disk_and_removes_them_when_disposed()
    {
        var store = new MemoryBlobStore(Path.Combine(_root, "owned"));
        await store.WriteBytesAsync("shards/x/segment-000000.arrow", new byte[1024]);
        Assert.True(File.Exists(Path.Combine(store.BytesFolder, "shards", "x", "segment-000000.arrow")));

        store.Dispose();

        Assert.False(Directory.Exists(store.BytesFolder));
    }

    public void Dispose()
    {
        _services.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
