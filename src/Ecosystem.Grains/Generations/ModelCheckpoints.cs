using Ecosystem.Abstractions.Models;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Grains.Persistence;
using Ecosystem.Models;
using Ecosystem.Models.Transformer;
using Microsoft.Extensions.Options;

namespace Ecosystem.Grains.Generations;

/// <summary>Saves trained generations whose training is expensive (transformers) with the setup that produced them,
/// and loads them back, so a generation re-activated on another silo reloads its weights instead of retraining, and
/// later generations can be fine-tuned from generation 0 wherever it lives.</summary>
/// <remarks>Cheap families (n-gram, theory families) are not checkpointed. The setup file is written last and
/// atomically: a checkpoint without it is incomplete and ignored. With <see cref="CheckpointOptions.InBlobStore"/> each
/// checkpoint is also copied to the blob store (setup last again), and a silo that lacks one in its folder fetches it
/// from there.</remarks>
public sealed class ModelCheckpoints(IOptions<CheckpointOptions> options, IBlobStore blobs)
{
    private const string SetupFile = "setup.json";
    private const string ModelFolder = "model";

    /// <summary>True when the model is worth checkpointing.</summary>
    public static bool Applies(IGenerativeModel model) => model is TransformerModel;

    /// <summary>Saves <paramref name="model"/> and its setup under the generation's grain key.</summary>
    public async Task SaveAsync(string generationKey, GenerationSetup setup, IGenerativeModel model)
    {
        if (model is not TransformerModel transformer)
        {
            return;
        }

        var folder = FolderOf(generationKey);
        await Task.Run(() =>
        {
            Directory.CreateDirectory(folder);
            var setupPath = Path.Combine(folder, SetupFile);
            File.Delete(setupPath);
            TransformerCheckpoint.Save(transformer, Path.Combine(folder, ModelFolder));
            var staging = setupPath + ".partial-" + Guid.NewGuid().ToString("N");
            File.WriteAllText(staging, JsonSerializer.Serialize(setup));
            File.Move(staging, setupPath, overwrite: true);
        });
        if (options.Value.InBlobStore)
        {
            var blobFolder = BlobFolderOf(generationKey);
            foreach (var file in TransformerCheckpoint.Files)
            {
                await blobs.WriteBytesAsync($"{blobFolder}/{file}", await File.ReadAllBytesAsync(Path.Combine(folder, ModelFolder, file)));
            }

            await blobs.WriteBytesAsync($"{blobFolder}/{SetupFile}", await File.ReadAllBytesAsync(Path.Combine(folder, SetupFile)));
        }
    }

    /// <summary>The saved setup and model of a generation, or null when it has no complete checkpoint.</summary>
    public async Task<(GenerationSetup Setup, IGenerativeModel Model)?> TryLoadAsync(string generationKey, DeviceKind device)
    {
        var folder = FolderOf(generationKey);
        if (await Task.Run(() => TryLoad(folder, generationKey, device)) is { } local)
        {
            return local;
        }

        return options.Value.InBlobStore ? await FetchAsync(generationKey, device) : null;
    }

    /// <summary>Deletes a generation's checkpoint, if it has one (its run is over).</summary>
    public async Task DeleteAsync(string generationKey)
    {
        var folder = FolderOf(generationKey);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        if (options.Value.InBlobStore)
        {
            await blobs.DeleteFolderAsync(BlobFolderOf(generationKey));
        }
    }

    private static (GenerationSetup Setup, IGenerativeModel Model)? TryLoad(string folder, string generationKey, DeviceKind device)
    {
        var setupPath = Path.Combine(folder, SetupFile);
        if (!File.Exists(setupPath) || !TransformerCheckpoint.Exists(Path.Combine(folder, ModelFolder)))
        {
            return null;
        }

        var setup = JsonSerializer.Deserialize<GenerationSetup>(File.ReadAllText(setupPath))
            ?? throw new InvalidDataException($"The checkpoint setup of '{generationKey}' is empty.");
        return (setup, TransformerCheckpoint.Load(Path.Combine(folder, ModelFolder), device));
    }

    /// <summary>Copies the checkpoint from the blob store into a folder of this call's own, loads it and deletes the copy
    /// (the silo that wrote it keeps its own copy; any other loads it once per activation).</summary>
    private async Task<(GenerationSetup Setup, IGenerativeModel Model)?> FetchAsync(string generationKey, DeviceKind device)
    {
        var blobFolder = BlobFolderOf(generationKey);
        var staging = Path.Combine(options.Value.Directory, ".fetch-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The setup first: written last, it says the model files beside it are complete.
            if (!await CopyAsync($"{blobFolder}/{SetupFile}", Path.Combine(staging, SetupFile)))
            {
                return null;
            }

            foreach (var file in TransformerCheckpoint.Files)
            {
                if (!await CopyAsync($"{blobFolder}/{file}", Path.Combine(staging, ModelFolder, file)))
                {
                    return null;
                }
            }

            return await Task.Run(() => TryLoad(staging, generationKey, device));
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private async Task<bool> CopyAsync(string blob, string path)
    {
        await using var source = await blobs.OpenReadAsync(blob);
        if (source is null)
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var target = File.Create(path);
        await source.CopyToAsync(target);
        return true;
    }

    /// <summary>Grain keys hold '/', so the folder is a readable tail plus a hash of the whole key.</summary>
    private string FolderOf(string generationKey)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(generationKey)))[..16].ToLowerInvariant();
        var readable = new string(generationKey.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        if (readable.Length > 80)
        {
            readable = readable[^80..];
        }

        return Path.Combine(options.Value.Directory, readable + "-" + hash);
    }

    private static string BlobFolderOf(string generationKey) => BlobNames.FolderOf("checkpoints", generationKey);
}
