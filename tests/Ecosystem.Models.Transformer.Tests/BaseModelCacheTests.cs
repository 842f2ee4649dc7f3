using Ecosystem.Abstractions.Corpus;
using Ecosystem.Models.Transformer.Bases;

namespace Ecosystem.Models.Transformer.Tests;

public sealed class BaseModelCacheTests : IDisposable
{
    private static readonly IReadOnlyList<DocumentContent> Counting = TinyTransformer.CountingDocuments(64, 8, seed: 3);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosystem-bases-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void The_first_use_builds_and_saves_the_base_and_a_later_cache_reads_it_back_unchanged()
    {
        var recipe = Recipe();
        var (built, entry, wasBuilt) = new BaseModelCache(_root).GetOrBuild(recipe, () => Counting);
        var (again, _, builtAgain) = new BaseModelCache(_root).GetOrBuild(recipe, () => throw new InvalidOperationException("a cached base needs no documents"));

        Assert.True(wasBuilt);
        Assert.False(builtAgain);
        Assert.Equal(recipe.Key, entry.Key);
        Assert.True(BaseModelCache.IsIntact(entry));
        Assert.Equal(built.ScoreMany(Counting).Select(s => s.LogLikelihood), again.ScoreMany(Counting).Select(s => s.LogLikelihood));
        Assert.Single(new BaseModelCache(_root).List());
    }

    [Fact]
    public void The_same_cache_hands_out_one_shared_instance()
    {
        var cache = new BaseModelCache(_root);
        var first = cache.GetOrBuild(Recipe(), () => Counting).Model;
        var second = cache.GetOrBuild(Recipe(), () => Counting).Model;

        Assert.Same(first, second);
    }

    [Fact]
    public void A_change_to_a_determining_setting_the_documents_or_the_seed_builds_another_base_and_the_device_does_not()
    {
        var recipe = Recipe();
        var keys = new[]
        {
            recipe,
            recipe with { Settings = recipe.Settings with { Width = 16 } },
            recipe with { Settings = recipe.Settings with { Epochs = 2 } },
            recipe with { Settings = recipe.Settings with { VocabularyLimit = 5 } },
            recipe with { Seed = 2 },
            recipe with { CorpusFingerprint = BaseModelRecipe.Fingerprint(Counting.Skip(1).Select(d => d.Tokens)) },
        }.Select(r => r.Key).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(recipe.Key, (recipe with { Settings = recipe.Settings with { Device = Abstractions.Models.DeviceKind.Cuda, FineTuneEpochs = 9 } }).Key);

        var cache = new BaseModelCache(_root);
        cache.GetOrBuild(recipe, () => Counting);
        var (_, _, built) = cache.GetOrBuild(recipe with { Seed = 2 }, () => Counting);
        Assert.True(built);
        Assert.Equal(2, cache.List().Count);
    }

    [Fact]
    public void A_damaged_base_is_rebuilt_with_a_warning_and_never_used()
    {
        var recipe = Recipe();
        var (_, entry, _) = new BaseModelCache(_root).GetOrBuild(recipe, () => Counting);
        var weights = Directory.GetFiles(Path.Combine(entry.Folder, "model")).Single(f => f.EndsWith(".dat", StringComparison.Ordinal));
        var bytes = File.ReadAllBytes(weights);
        bytes[^3] ^= 0x5A;
        File.WriteAllBytes(weights, bytes);
        Assert.False(BaseModelCache.IsIntact(entry));

        var warnings = new List<string>();
        var (_, rebuilt, wasBuilt) = new BaseModelCache(_root).GetOrBuild(recipe, () => Counting, warn: warnings.Add);

        Assert.True(wasBuilt);
        Assert.Contains(warnings, w => w.Contains("damaged", StringComparison.Ordinal));
        Assert.True(BaseModelCache.IsIntact(rebuilt));
        Assert.Equal(entry.WeightsSha256, rebuilt.WeightsSha256);
    }

    [Fact]
    public void A_base_is_deterministic_for_its_seed()
    {
        var recipe = Recipe() with { Settings = TinyTransformer.Settings with { Epochs = 2, Dropout = 0.1 } };
        var first = new BaseModelCache(Path.Combine(_root, "a")).GetOrBuild(recipe, () => Counting).Entry;
        var second = new BaseModelCache(Path.Combine(_root, "b")).GetOrBuild(recipe, () => Counting).Entry;
        var other = new BaseModelCache(Path.Combine(_root, "c")).GetOrBuild(recipe with { Seed = 9 }, () => Counting).Entry;

        Assert.Equal(first.WeightsSha256, second.WeightsSha256);
        Assert.NotEqual(first.WeightsSha256, other.WeightsSha256);
    }

    [Fact]
    public void Removing_by_key_prefix_deletes_the_base_and_refuses_short_or_unknown_prefixes()
    {
        var cache = new BaseModelCache(_root);
        var entry = cache.GetOrBuild(Recipe(), () => Counting).Entry;

        Assert.Throws<ArgumentException>(() => cache.Remove("abc"));
        Assert.Null(cache.Remove("00000000"));
        Assert.Equal(entry.Key, cache.Remove(entry.Key[..10])?.Key);
        Assert.Empty(cache.List());
        Assert.True(cache.GetOrBuild(Recipe(), () => Counting).Built);
    }

    [Fact]
    public void Fine_tuning_from_the_base_leaves_the_shared_base_untouched()
    {
        var cache = new BaseModelCache(_root);
        var (model, _, _) = cache.GetOrBuild(Recipe(), () => Counting);
        var before = model.ScoreMany(Counting).Select(s => s.LogLikelihood).ToArray();

        using var tuned = (TransformerModel)new TransformerFamily(TinyTransformer.Settings with { FineTuneLearningRate = 1e-2 }, TinyTransformer.SourceVocabulary)
            .FineTune(model, TinyTransformer.CountingDocuments(32, 8, seed: 11), new Random(4));

        Assert.True(tuned.Training.FineTuned);
        Assert.Equal(model.Vocabulary.SourceIds, tuned.Vocabulary.SourceIds);
        Assert.Equal(before, model.ScoreMany(Counting).Select(s => s.LogLikelihood).ToArray());
        Assert.NotEqual(before, tuned.ScoreMany(Counting).Select(s => s.LogLikelihood).ToArray());
    }

    private static BaseModelRecipe Recipe() => new(
        TinyTransformer.Settings with { Epochs = 3 },
        TinyTransformer.SourceVocabulary,
        "counting",
        BaseModelRecipe.Fingerprint(Counting.Select(d => d.Tokens)),
        Counting.Count,
        Counting.Sum(d => (long)d.Tokens.Length),
        Seed: 1);
}
