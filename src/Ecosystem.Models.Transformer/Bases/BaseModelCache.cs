using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Models;

namespace Ecosystem.Models.Transformer.Bases;

/// <summary>A folder of pretrained bases, one sub-folder per <see cref="BaseModelRecipe.Key"/>: built on first use,
/// reused by every later run and by every process that shares the folder (the silos of a cluster).</summary>
/// <remarks>A base is written into a staging folder and renamed into place with its manifest, so a reader never sees
/// half a base. Builders in other processes are kept out by a lock file per key, so a cluster builds each base once.
/// Every load checks the SHA-256 the manifest recorded for the model's files; a base whose files do not match is
/// rebuilt with a warning, never used. Loaded bases are kept for the life of the cache: fine-tuning copies the
/// weights, so one instance serves every generation.</remarks>
public sealed class BaseModelCache
{
    private const string ManifestFile = "base.json";
    private const string ModelFolder = "model";
    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(500);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly ConcurrentDictionary<string, (TransformerModel Model, BaseModelEntry Entry)> _loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, object> _gates = new(StringComparer.Ordinal);

    /// <summary>A cache in <paramref name="directory"/> (created when the first base is built).</summary>
    public BaseModelCache(string directory)
    {
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The cache folder.</summary>
    public string Directory { get; }

    /// <summary>The bases in the cache whose manifests can be read, newest first.</summary>
    public IReadOnlyList<BaseModelEntry> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var entries = new List<BaseModelEntry>();
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Directory))
        {
            if (TryReadManifest(folder, out var entry, out _))
            {
                entries.Add(entry!);
            }
        }

        return entries.OrderByDescending(e => e.BuiltAt).ToList();
    }

    /// <summary>True when the files of <paramref name="entry"/> still match the SHA-256 its manifest recorded.</summary>
    public static bool IsIntact(BaseModelEntry entry) =>
        TransformerCheckpoint.Exists(Path.Combine(entry.Folder, ModelFolder)) && HashOf(Path.Combine(entry.Folder, ModelFolder)) == entry.WeightsSha256;

    /// <summary>Removes the base whose key starts with <paramref name="keyPrefix"/> (at least 8 characters); returns the
    /// removed entry, or null when no base matches. Throws when several match.</summary>
    public BaseModelEntry? Remove(string keyPrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyPrefix);
        if (keyPrefix.Length < 8)
        {
            throw new ArgumentException($"A key prefix needs at least 8 characters; found '{keyPrefix}'.", nameof(keyPrefix));
        }

        var matches = List().Where(e => e.Key.StartsWith(keyPrefix, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count > 1)
        {
            throw new ArgumentException($"{matches.Count} bases have keys starting with '{keyPrefix}'; give more of the key.", nameof(keyPrefix));
        }

        if (matches.Count == 0)
        {
            return null;
        }

        _loaded.TryRemove(matches[0].Key, out _);
        System.IO.Directory.Delete(matches[0].Folder, recursive: true);
        return matches[0];
    }

    /// <summary>The base of <paramref name="recipe"/>: from memory, from the folder, or built now from
    /// <paramref name="documents"/> (which must be the documents the recipe's fingerprint was taken of) and saved. The
    /// returned model is shared: fine-tune from it, never dispose or train it.</summary>
    /// <returns>The model, its entry, and whether this call built it.</returns>
    public (TransformerModel Model, BaseModelEntry Entry, bool Built) GetOrBuild(
        BaseModelRecipe recipe,
        Func<IReadOnlyList<DocumentContent>> documents,
        IProgress<TrainingProgress>? progress = null,
        Action<string>? warn = null,
        CancellationToken cancellationToken = default)
    {
        var key = recipe.Key;
        lock (_gates.GetOrAdd(key, _ => new object()))
        {
            if (_loaded.TryGetValue(key, out var memo))
            {
                return (memo.Model, memo.Entry, false);
            }

            var folder = FolderOf(key);
            if (TryLoad(folder, key, warn) is { } cached)
            {
                _loaded[key] = cached;
                return (cached.Model, cached.Entry, false);
            }

            System.IO.Directory.CreateDirectory(Directory);
            using (AcquireBuildLock(key, cancellationToken))
            {
                // Another process may have built it while this one waited for the lock.
                if (TryLoad(folder, key, warn) is { } built)
                {
                    _loaded[key] = built;
                    return (built.Model, built.Entry, false);
                }

                var fresh = Build(recipe, documents(), folder, progress, warn, cancellationToken);
                _loaded[key] = fresh;
                return (fresh.Model, fresh.Entry, true);
            }
        }
    }

    private (TransformerModel Model, BaseModelEntry Entry) Build(
        BaseModelRecipe recipe,
        IReadOnlyList<DocumentContent> documents,
        string folder,
        IProgress<TrainingProgress>? progress,
        Action<string>? warn,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var family = new TransformerFamily(recipe.Settings, recipe.SourceVocabularySize, progress, warn);
        var random = new Random(unchecked((int)(recipe.Seed ^ (recipe.Seed >> 32))));
        var model = (TransformerModel)family.Fit(documents, random, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;

        var staging = folder + ".partial-" + Guid.NewGuid().ToString("N");
        try
        {
            System.IO.Directory.CreateDirectory(staging);
            TransformerCheckpoint.Save(model, Path.Combine(staging, ModelFolder));
            var entry = new BaseModelEntry(recipe.Key, recipe, DateTimeOffset.UtcNow, seconds, model.ParameterCount, model.Vocabulary.Size,
                model.Training.FinalLoss, model.Training.TokensPerSecond, HashOf(Path.Combine(staging, ModelFolder)));
            File.WriteAllText(Path.Combine(staging, ManifestFile), JsonSerializer.Serialize(entry, Json));
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }

            System.IO.Directory.Move(staging, folder);
            return (model, entry with { Folder = folder });
        }
        catch
        {
            if (System.IO.Directory.Exists(staging))
            {
                System.IO.Directory.Delete(staging, recursive: true);
            }

            model.Dispose();
            throw;
        }
    }

    private static (TransformerModel Model, BaseModelEntry Entry)? TryLoad(string folder, string key, Action<string>? warn)
    {
        if (!System.IO.Directory.Exists(folder))
        {
            return null;
        }

        string? problem;
        if (TryReadManifest(folder, out var entry, out problem))
        {
            if (entry!.Key != key)
            {
                problem = $"its manifest names key {entry.Key[..16]}…";
            }
            else if (!IsIntact(entry))
            {
                problem = "its model files do not match the SHA-256 its manifest recorded";
            }
            else
            {
                try
                {
                    return (TransformerCheckpoint.Load(Path.Combine(folder, ModelFolder)), entry);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or JsonException or ArgumentException or System.Runtime.InteropServices.ExternalException)
                {
                    problem = $"its model cannot be loaded ({e.Message})";
                }
            }
        }

        warn?.Invoke($"The cached base {key[..16]} in '{folder}' is damaged ({problem}); it is removed and built again.");
        System.IO.Directory.Delete(folder, recursive: true);
        return null;
    }

    private static bool TryReadManifest(string folder, out BaseModelEntry? entry, out string? problem)
    {
        entry = null;
        var path = Path.Combine(folder, ManifestFile);
        if (!File.Exists(path))
        {
            problem = "it has no manifest";
            return false;
        }

        try
        {
            entry = JsonSerializer.Deserialize<BaseModelEntry>(File.ReadAllText(path), Json);
            problem = entry is null ? "its manifest is empty" : null;
            entry = entry is null ? null : entry with { Folder = folder };
            return entry is not null;
        }
        catch (Exception e) when (e is IOException or JsonException or NotSupportedException)
        {
            problem = $"its manifest cannot be read ({e.Message})";
            return false;
        }
    }

    private string FolderOf(string key) => Path.Combine(Directory, key[..16]);

    /// <summary>Holds the key's lock file open without sharing until disposed; waits while another process holds it.</summary>
    private FileStream AcquireBuildLock(string key, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory, key[..16] + ".lock");
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                Thread.Sleep(LockPoll);
            }
        }
    }

    /// <summary>SHA-256 of a checkpoint's weights: the same for every build of one recipe on one kind of machine, so it
    /// also shows that a base is deterministic for its seed.</summary>
    private static string HashOf(string checkpoint)
    {
        using var stream = File.OpenRead(TransformerCheckpoint.WeightsPath(checkpoint));
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }
}
