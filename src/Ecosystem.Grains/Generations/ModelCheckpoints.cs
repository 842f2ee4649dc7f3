using Ecosystem.Abstractions.Models;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Models;
using Ecosystem.Models.Transformer;
using Microsoft.Extensions.Options;

namespace Ecosystem.Grains.Generations;

/// <summary>Saves trained generations whose training is expensive (transformers) with the setup that produced them,
/// and loads them back, so a generation re-activated on another silo reloads its weights instead of retraining, and
/// later generations can be fine-tuned from generation 0 wherever it lives.</summary>
/// <remarks>Cheap families (n-gram, theory families) are not checkpointed. The setup file is written last and
/// atomically: a checkpoint without it is incomplete and ignored.</remarks>
public sealed class ModelCheckpoints(IOptions<CheckpointOptions> options)
{
    private const string SetupFile = "setup.json";
    private const string ModelFolder = "model";

    /// <summary>True when the model is worth checkpointing.</summary>
    public static bool Applies(IGenerativeModel model) => model is TransformerModel;

    /// <summary>Saves <paramref name="model"/> and its setup under the generation's grain key.</summary>
    public void Save(string generationKey, GenerationSetup setup, IGenerativeModel model)
    {
        if (model is not TransformerModel transformer)
        {
            return;
        }

        var folder = FolderOf(generationKey);
        Directory.CreateDirectory(folder);
        var setupPath = Path.Combine(folder, SetupFile);
        File.Delete(setupPath);
        TransformerCheckpoint.Save(transformer, Path.Combine(folder, ModelFolder));
        var staging = setupPath + ".partial-" + Guid.NewGuid().ToString("N");
        File.WriteAllText(staging, JsonSerializer.Serialize(setup));
        File.Move(staging, setupPath, overwrite: true);
    }

    /// <summary>The saved setup and model of a generation, or null when it has no complete checkpoint.</summary>
    public (GenerationSetup Setup, IGenerativeModel Model)? TryLoad(string generationKey, DeviceKind device)
    {
        var folder = FolderOf(generationKey);
        var setupPath = Path.Combine(folder, SetupFile);
        if (!File.Exists(setupPath) || !TransformerCheckpoint.Exists(Path.Combine(folder, ModelFolder)))
        {
            return null;
        }

        var setup = JsonSerializer.Deserialize<GenerationSetup>(File.ReadAllText(setupPath))
            ?? throw new InvalidDataException($"The checkpoint setup of '{generationKey}' is empty.");
        return (setup, TransformerCheckpoint.Load(Path.Combine(folder, ModelFolder), device));
    }

    /// <summary>Grain keys hold '/', so the folder is a readable tail plus a hash of the whole key.</summary>
    /// <summary>Deletes a generation's checkpoint, if it has one (its run is over).</summary>
    public void Delete(string generationKey)
    {
        var folder = FolderOf(generationKey);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

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
}
