using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Grains.Generations;
using Ecosystem.Grains.Persistence;
using Ecosystem.Segments.Tests;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Ecosystem.Simulation.Tests;

/// <summary>A generation's saved training set comes back as it was handed in, from the compact form and from the grain
/// serializer's form of earlier versions; a damaged or missing one is an error naming its blob.</summary>
public sealed class GenerationRecipesTests : IDisposable
{
    private const string GenerationKey = "run/0/acme/g0001";
    private readonly string _bytes = Path.Combine(Path.GetTempPath(), "ecosystem-recipes-tests", Guid.NewGuid().ToString("N"));
    private readonly MemoryBlobStore _store;
    private readonly ServiceProvider _services;
    private readonly Serializer _serializer;
    private readonly StateInMemory _state = new();

    public GenerationRecipesTests()
    {
        _store = new MemoryBlobStore(_bytes);
        _services = new ServiceCollection().AddSerializer(builder => builder.AddAssembly(typeof(Document).Assembly).AddAssembly(typeof(GenerationState).Assembly))
            .BuildServiceProvider();
        _serializer = _services.GetRequiredService<Serializer>();
    }

    private static GenerationSetup Setup => new(new RunSpec("recipes", "{}"), 0, 0, 1, 4);

    private static List<Document> TrainingSet() =>
    [
        new("t000003-h000012-00000", 3, TickPhase.HumansPublish,
            new Provenance(AuthorKind.Human, "h12", "", -1, "news", false, "ca01"), DocumentContent.FromTokens([464, 3290, 50256])),
        new("t000003-h000013-00001", 3, TickPhase.HumansPublish,
            new Provenance(AuthorKind.Assisted, "h13", "acme", 1, "fiction", false, "ck02", "key-1"), DocumentContent.FromTokens([1, 2])),
        new("t000004-m-acme-g0001-000007", 4, TickPhase.ModelsPublish,
            new Provenance(AuthorKind.Model, "acme", "acme", 1, "romance", true, "", "key-1"), DocumentContent.FromTokens([9, 8, 7, 6])),
        new("t000004-fresh-acme-0", 4, TickPhase.VendorsTrain,
            new Provenance(AuthorKind.Human, "licensed", "", -1, "", false, ""), DocumentContent.FromValues([0.25, -3.5])),
    ];

    [Fact]
    public async Task A_saved_training_set_loads_back_with_its_setup_in_its_order()
    {
        var trainingSet = TrainingSet();
        await Recipes().SaveAsync(Setup, trainingSet);

        var loaded = await Recipes().LoadAsync();

        Assert.NotNull(loaded);
        Assert.Equal(Setup, loaded.Value.Setup);
        Assert.Equal(TrainingSetFormat.Compact, _state.State.Format);
        SampleDocuments.Equal(trainingSet, loaded.Value.TrainingSet);
    }

    [Fact]
    public async Task A_training_set_saved_by_the_grain_serializer_still_loads()
    {
        var trainingSet = TrainingSet();
        var name = $"{BlobNames.FolderOf("generations", GenerationKey)}/training-set";
        await _store.WriteBytesAsync(name, _serializer.SerializeToArray(trainingSet.ToArray()));
        // A state saved before the format was recorded has no such field, so it reads as the default.
        _state.State = _serializer.Deserialize<GenerationState>(_serializer.SerializeToArray(new GenerationState { Setup = Setup, TrainingSet = name }))!;

        var loaded = await Recipes().LoadAsync();

        Assert.Equal(TrainingSetFormat.Serialized, _state.State.Format);
        Assert.NotNull(loaded);
        SampleDocuments.Equal(trainingSet, loaded.Value.TrainingSet);
    }

    [Fact]
    public async Task A_damaged_training_set_is_an_error_naming_its_blob()
    {
        await Recipes().SaveAsync(Setup, TrainingSet());
        var name = _state.State.TrainingSet!;
        var path = Path.Combine(_store.BytesFolder, name.Replace('/', Path.DirectorySeparatorChar));
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..^5]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Recipes().LoadAsync());

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_training_set_is_an_error_naming_its_blob()
    {
        await Recipes().SaveAsync(Setup, TrainingSet());
        var name = _state.State.TrainingSet!;
        File.Delete(Path.Combine(_store.BytesFolder, name.Replace('/', Path.DirectorySeparatorChar)));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Recipes().LoadAsync());

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generation_never_trained_has_no_recipe()
    {
        Assert.Null(await Recipes().LoadAsync());
    }

    public void Dispose()
    {
        _store.Dispose();
        _services.Dispose();
        if (Directory.Exists(_bytes))
        {
            Directory.Delete(_bytes, recursive: true);
        }
    }

    private GenerationRecipes Recipes() => new(_state, _store, _serializer, GenerationKey);

    /// <summary>Grain state held in a field, as grain storage would hand it to the recipes.</summary>
    private sealed class StateInMemory : IPersistentState<GenerationState>
    {
        public GenerationState State { get; set; } = new();

        public string? Etag => null;

        public bool RecordExists => State.Setup is not null;

        public Task ClearStateAsync()
        {
            State = new GenerationState();
            return Task.CompletedTask;
        }

        public Task WriteStateAsync() => Task.CompletedTask;

        public Task ReadStateAsync() => Task.CompletedTask;
    }
}
