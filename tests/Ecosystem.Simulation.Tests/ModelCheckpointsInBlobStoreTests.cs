using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Models;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Grains.Generations;
using Ecosystem.Grains.Persistence;
using Ecosystem.Models.Transformer;
using Microsoft.Extensions.Options;

namespace Ecosystem.Simulation.Tests;

/// <summary>Checkpoints of silos that share no folder: copied into the blob store, fetched from there by a silo whose own
/// folder lacks them, and deleted from both.</summary>
public sealed class ModelCheckpointsInBlobStoreTests : IDisposable
{
    private const string Key = "run-1/0/acme/gen-0";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosystem-checkpoint-tests", Guid.NewGuid().ToString("N"));
    private readonly MemoryBlobStore _store;

    public ModelCheckpointsInBlobStoreTests() => _store = new MemoryBlobStore(Path.Combine(_root, "store"));

    [Fact]
    public async Task A_silo_without_the_checkpoint_in_its_folder_loads_it_from_the_blob_store()
    {
        var writer = Checkpoints("silo-a", inBlobStore: true);
        var reader = Checkpoints("silo-b", inBlobStore: true);
        var setup = new GenerationSetup(new RunSpec("run-1", "{}"), 0, 0, 0, 3);
        using var model = Tiny();
        var prompt = DocumentContent.FromTokens([10, 11, 12, 13]);

        await writer.SaveAsync(Key, setup, model);
        var loaded = await reader.TryLoadAsync(Key, DeviceKind.Cpu);

        Assert.NotNull(loaded);
        Assert.Equal(setup, loaded.Value.Setup);
        using var copy = (TransformerModel)loaded.Value.Model;
        Assert.Equal(model.Score(prompt).LogLikelihood, copy.Score(prompt).LogLikelihood, 6);
        Assert.Empty(Directory.GetDirectories(Path.Combine(_root, "silo-b")));

        await writer.DeleteAsync(Key);

        Assert.Null(await reader.TryLoadAsync(Key, DeviceKind.Cpu));
    }

    [Fact]
    public async Task Without_the_blob_store_a_checkpoint_stays_in_its_silos_folder()
    {
        using var model = Tiny();
        await Checkpoints("silo-a", inBlobStore: false).SaveAsync(Key, new GenerationSetup(new RunSpec("run-1", "{}"), 0, 0, 0, 3), model);

        Assert.Null(await Checkpoints("silo-b", inBlobStore: false).TryLoadAsync(Key, DeviceKind.Cpu));
        Assert.Null(await Checkpoints("silo-b", inBlobStore: true).TryLoadAsync(Key, DeviceKind.Cpu));
        Assert.NotNull(await Checkpoints("silo-a", inBlobStore: false).TryLoadAsync(Key, DeviceKind.Cpu));
    }

    public void Dispose()
    {
        _store.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private ModelCheckpoints Checkpoints(string silo, bool inBlobStore)
    {
        Directory.CreateDirectory(Path.Combine(_root, silo));
        return new ModelCheckpoints(Options.Create(new CheckpointOptions { Directory = Path.Combine(_root, silo), InBlobStore = inBlobStore }), _store);
    }

    private static TransformerModel Tiny()
    {
        var settings = new TransformerSettings
        {
            Layers = 1, Heads = 2, Width = 16, Context = 8, Dropout = 0, Epochs = 1, BatchSize = 8, LearningRate = 1e-2, Device = DeviceKind.Cpu,
        };
        var documents = Enumerable.Range(0, 16).Select(i => DocumentContent.FromTokens(Enumerable.Range(0, 8).Select(t => 10 + (i + t) % 10).ToArray())).ToList();
        return (TransformerModel)new TransformerFamily(settings, 40).Fit(documents, new Random(1));
    }
}
