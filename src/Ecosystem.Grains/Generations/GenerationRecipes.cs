using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Grains.Persistence;
using Orleans.Serialization;

namespace Ecosystem.Grains.Generations;

/// <summary>Persists what a model generation was fitted to (setup in grain storage, training set in the blob store) and
/// gives it back, so an activation that lost its model refits it: every fit is seeded by (seed, generation, tick), so
/// the refitted model is the same. Expensive models are also checkpointed (<see cref="ModelCheckpoints"/>) and
/// reloaded instead.</summary>
/// <remarks>The training set is kept as serialized bytes, never as the objects handed in: an embedded silo's blob store
/// puts bytes in a file, so the training sets of every generation of a long run stay off the heap.</remarks>
public sealed class GenerationRecipes(IPersistentState<GenerationState> state, IBlobStore blobs, Serializer serializer, string generationKey)
{
    private readonly string _folder = BlobNames.FolderOf("generations", generationKey);

    /// <summary>The saved setup and training set, or null when the generation was never trained.</summary>
    /// <exception cref="InvalidDataException">The state names a training set that is missing from the blob store.</exception>
    public async Task<(GenerationSetup Setup, IReadOnlyList<Document> TrainingSet)?> LoadAsync()
    {
        if (state.State is not { Setup: { } setup, TrainingSet: { } name })
        {
            return null;
        }

        var bytes = await blobs.ReadAllBytesAsync(name)
            ?? throw new InvalidDataException($"Generation '{generationKey}': its training set is missing from the blob store.");
        var documents = serializer.Deserialize<Document[]>(bytes)
            ?? throw new InvalidDataException($"Generation '{generationKey}': its training set could not be read from the blob store.");
        return (setup, documents);
    }

    /// <summary>Saves the setup and training set: the blob first, then the state that names it.</summary>
    public async Task SaveAsync(GenerationSetup setup, IReadOnlyList<Document> trainingSet)
    {
        var name = $"{_folder}/training-set";
        await blobs.WriteBytesAsync(name, serializer.SerializeToArray(trainingSet.ToArray()));
        state.State = new GenerationState { Setup = setup, TrainingSet = name };
        await state.WriteStateAsync();
    }

    /// <summary>Deletes the training set and the state: the run is over.</summary>
    public async Task ClearAsync()
    {
        await blobs.DeleteFolderAsync(_folder);
        await state.ClearStateAsync();
    }
}
