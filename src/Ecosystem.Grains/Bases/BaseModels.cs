using Ecosystem.Corpus;
using Ecosystem.Models.Transformer;
using Ecosystem.Models.Transformer.Bases;
using Ecosystem.Scenarios;
using Microsoft.Extensions.Options;

namespace Ecosystem.Grains.Bases;

/// <summary>A silo's pretrained bases: planned from the scenario, taken from the shared cache or built there on first
/// use (one build per base, whichever generation asks first).</summary>
public sealed class BaseModels(IOptions<BaseModelOptions> options)
{
    private readonly Lazy<BaseModelCache> _cache = new(() => new BaseModelCache(options.Value.Directory));

    /// <summary>The cache the silo uses.</summary>
    public BaseModelCache Cache => _cache.Value;

    /// <summary>The base of <paramref name="vendor"/>'s <c>model.base</c>, built now when the cache lacks it.</summary>
    public async Task<PretrainedBase> GetAsync(Scenario scenario, VendorSpec vendor, IProgress<TrainingProgress>? progress, Action<string>? warn)
    {
        var plan = await BasePlan.LoadAsync(scenario, vendor, HumanCorpusLoader.Shared).ConfigureAwait(false);
        // A build takes minutes: a thread of its own rather than one of the pool's.
        var (model, entry, built) = await Task.Factory.StartNew(
            () => Cache.GetOrBuild(plan.Recipe, () => plan.Documents, progress, warn),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).ConfigureAwait(false);
        return new PretrainedBase(model, entry, plan.Documents, built);
    }
}
