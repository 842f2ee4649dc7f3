using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Grains.Persistence;
using Ecosystem.Segments;
using Orleans.Serialization;

namespace Ecosystem.Grains.Generations;

/// <summary>Persists what a model generation was fitted to (setup in grain storage, training set in the blob store) and
/// gives it back, so an activation that lost its model refits it: every fit is seeded by (seed, generation, tick), so
/// the refitted model is the same. Expensive models are also checkpointed (<see cref="ModelCheckpoints"/>) and
/// reloaded instead.</summary>
/// <remarks>The training set is kept as bytes, never as the objects handed in: an embedded silo's blob store puts bytes in
/// a file, so the training sets of every generation of a long run stay off the heap. It is saved at every training, in
/// the tick's critical path, so it is written as a <see cref="CompactDocumentList"/> (a few passes over the list) rather
/// than through the grain serializer (an object graph per document, several times slower). Training sets saved by the
/// grain serializer before are still read.</remarks>
public sealed class GenerationRecipes(IPersistentState<GenerationState> state, IBlobStore blobs, Serializer serializer, string generationKey)
{
    private readonly string _folder = BlobNames.FolderOf("generations", generationKey);

    /// <summary>The saved setup and training set, or null when the generation was never trained.</summary>
    /// <exception cref="InvalidDataException">The state names a training set that is missing from the blob store or cannot
    /// be read; the message names the blob.</exception>
    public async Task<(GenerationSetup Setup, IReadOnlyList<Document> TrainingSet)?> LoadAsync()
    {
        if (state.State is not { Setup: { } setup, TrainingSet: { } name })
        {
            return null;
        }

        var bytes = await blobs.ReadAllBytesAsync(name)
            ?? throw new InvalidDataException($"Generation '{generationKey}': its training set '{name}' is missing from the blob store.");
        var documents = state.State.Format == TrainingSetFormat.Compact
            ? CompactDocumentList.Read(bytes, name)
            : serializer.Deserialize<Document[]>(bytes)
                ?? throw new InvalidDataException($"Generation '{generationKey}': its training set '{name}' could not be read from the blob store.");
        return (setup, documents);
    }

    /// <summary>Saves the setup and training set: the blob first, then the state that names it.</summary>
    public async Task SaveAsync(GenerationSetup setup, IReadOnlyList<Document> trainingSet)
    {
        var name = $"{_folder}/training-set";
        await blobs.WriteBytesAsync(name, CompactDocumentList.Write(trainingSet));
        state.State = new GenerationState { Setup = setup, TrainingSet = name, Format = TrainingSetFormat.Compact };
        await state.WriteStateAsync();
    }

    /// <summary>Deletes the training set and the state: the run is over.</summary>
    public async Task ClearAsync()
    {
        await blobs.DeleteFolderAsync(_folder);
        await state.ClearStateAsync();
    }
}
