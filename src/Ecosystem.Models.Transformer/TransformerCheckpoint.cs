using Ecosystem.Abstractions.Models;
using System.Text.Json;
using System.Text.Json.Serialization;
using TorchSharp;

namespace Ecosystem.Models.Transformer;

/// <summary>Saves a trained transformer to a folder (weights, settings, vocabulary, training summary) and loads it back,
/// so a generation re-activated elsewhere reloads its weights instead of retraining.</summary>
/// <remarks>A checkpoint is written into a temporary sibling folder and renamed into place, so a reader never sees
/// half a checkpoint.</remarks>
public static class TransformerCheckpoint
{
    private const string WeightsFile = "weights.dat";
    private const string ManifestFile = "model.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The files of a checkpoint folder, for copying one to where a folder cannot go (an object store).</summary>
    public static IReadOnlyList<string> Files { get; } = [ManifestFile, WeightsFile];

    /// <summary>The weights file of the checkpoint in <paramref name="directory"/>.</summary>
    public static string WeightsPath(string directory) => Path.Combine(directory, WeightsFile);

    /// <summary>True when <paramref name="directory"/> holds a complete checkpoint.</summary>
    public static bool Exists(string directory) =>
        File.Exists(Path.Combine(directory, ManifestFile)) && File.Exists(Path.Combine(directory, WeightsFile));

    /// <summary>Writes the checkpoint, replacing any earlier one in <paramref name="directory"/>.</summary>
    public static void Save(TransformerModel model, string directory)
    {
        var full = Path.GetFullPath(directory);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var staging = full + ".partial-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        try
        {
            TorchThread.Run(() => model.Network.save(Path.Combine(staging, WeightsFile)));
            var tail = model.Vocabulary.TailCounts.OrderBy(p => p.Key).ToArray();
            var manifest = new CheckpointManifest(model.Settings, model.Vocabulary.SourceSize, [.. model.Vocabulary.SourceIds], model.Training)
            {
                TailIds = tail.Select(p => p.Key).ToArray(),
                TailCounts = tail.Select(p => p.Value).ToArray(),
            };
            File.WriteAllText(Path.Combine(staging, ManifestFile), JsonSerializer.Serialize(manifest, Json));
            if (Directory.Exists(full))
            {
                Directory.Delete(full, recursive: true);
            }

            Directory.Move(staging, full);
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }
    }

    /// <summary>Loads a checkpoint onto the device <paramref name="device"/> resolves to here.</summary>
    public static TransformerModel Load(string directory, DeviceKind device = DeviceKind.Auto)
    {
        var manifest = JsonSerializer.Deserialize<CheckpointManifest>(File.ReadAllText(Path.Combine(directory, ManifestFile)), Json)
            ?? throw new InvalidDataException($"The checkpoint manifest in '{directory}' is empty.");
        var settings = manifest.Settings with { Device = device };
        var tailIds = manifest.TailIds ?? [];
        var tailCounts = manifest.TailCounts ?? [];
        if (tailIds.Length != tailCounts.Length)
        {
            throw new InvalidDataException($"The checkpoint manifest in '{directory}' has {tailIds.Length} tail ids but {tailCounts.Length} tail counts.");
        }

        var vocabulary = TokenVocabulary.FromSourceIds(manifest.SourceIds, manifest.SourceSize, tailIds.Zip(tailCounts).ToDictionary(p => p.First, p => p.Second));
        return TorchThread.Run(() =>
        {
            var network = new GptDecoder(settings, vocabulary.Size);
            network.load(Path.Combine(directory, WeightsFile));
            var (resolved, _) = TorchDevices.Resolve(device);
            network.to(resolved);
            network.eval();
            return new TransformerModel(network, vocabulary, manifest.Training, resolved);
        });
    }

    private sealed record CheckpointManifest(TransformerSettings Settings, int SourceSize, int[] SourceIds, TrainingSummary Training)
    {
        /// <summary>Source ids cut by the vocabulary's frequency limit, ascending (absent in checkpoints without one).</summary>
        public int[]? TailIds { get; init; }

        /// <summary>Their training counts, in the same order.</summary>
        public long[]? TailCounts { get; init; }
    }
}
