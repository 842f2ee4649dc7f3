using Ecosystem.Grains.Persistence;
using Orleans.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Ecosystem.Simulation.Tests;

/// <summary>What every blob store must do, run against each implementation (the Azure store against Azurite, started
/// as a real process).</summary>
public sealed class BlobStoreContractTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosystem-blob-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    public static TheoryData<string> Stores => ["memory", "file", "azure"];

    private async Task<IBlobStore> CreateAsync(string kind)
    {
        var serializer = _services.GetRequiredService<Serializer>();
        switch (kind)
        {
            case "memory":
                return new MemoryBlobStore(Path.Combine(_root, "bytes"));
            case "file":
                return new FileBlobStore(Path.Combine(_root, "files"), serializer);
            default:
                // A container per test, as a cluster has one of its own.
                var container = AzureBlobStore.ContainerClient(await azurite.ConnectionStringAsync(), "contract-" + Guid.NewGuid().ToString("N")[..12]);
                var store = new AzureBlobStore(container, serializer);
                await store.EnsureContainerAsync();
                return store;
        }
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Values_read_back_as_written_a_rewrite_replaces_them_and_a_missing_blob_reads_as_default(string kind)
    {
        var store = await CreateAsync(kind);
        var folder = BlobNames.FolderOf("generations", "run/0/alpha/gen-1");
        await store.WriteAsync($"{folder}/training-set", new List<string> { "a", "b" });
        await store.WriteAsync($"{folder}/training-set", new List<string> { "c" });

        Assert.Equal(["c"], await store.ReadAsync<List<string>>($"{folder}/training-set"));
        Assert.Null(await store.ReadAsync<List<string>>($"{folder}/missing"));
        Assert.Null(await store.ReadAsync<List<string>>($"{BlobNames.FolderOf("generations", "never-written")}/training-set"));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Names_that_climb_out_of_the_store_are_refused(string kind)
    {
        var store = await CreateAsync(kind);

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteBytesAsync("shards/../../escape", new byte[] { 1 }));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync("/etc/passwd"));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Byte_blobs_read_back_as_written_and_a_rewrite_replaces_them_whole(string kind)
    {
        var store = await CreateAsync(kind);
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
        var store = await CreateAsync(kind);
        var folder = BlobNames.FolderOf("shards", "run/0/shard-2");
        await store.WriteBytesAsync($"{folder}/segment-000000.arrow", new byte[] { 9 });
        await store.WriteAsync($"{folder}/state", new List<int> { 1, 2 });

        await store.DeleteFolderAsync(folder);

        Assert.Null(await store.OpenReadAsync($"{folder}/segment-000000.arrow"));
        Assert.Null(await store.ReadAsync<List<int>>($"{folder}/state"));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Deleting_a_folder_leaves_a_folder_whose_name_begins_with_it(string kind)
    {
        var store = await CreateAsync(kind);
        await store.WriteBytesAsync("shards/run-1/segment-000000.arrow", new byte[] { 1 });
        await store.WriteBytesAsync("shards/run-10/segment-000000.arrow", new byte[] { 2 });

        await store.DeleteFolderAsync("shards/run-1");

        Assert.Null(await store.OpenReadAsync("shards/run-1/segment-000000.arrow"));
        await using var kept = await store.OpenReadAsync("shards/run-10/segment-000000.arrow");
        Assert.NotNull(kept);
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
