using Ecosystem.Abstractions;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Grains.Runs;
using Ecosystem.Models;

namespace Ecosystem.Grains.Generations;

/// <summary>One model generation: fitted once to its vendor's training set, then sampled and scored on request.</summary>
/// <remarks>Fitting, sampling and scoring run on the thread pool, off the grain scheduler, so the silo stays responsive.
/// The fitted model lives in memory for the whole run (the grain is never collected while the run lasts).</remarks>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class ModelGenerationGrain(RunContextCache contexts) : Grain, IModelGenerationGrain
{
    private GenerationSetup? _setup;
    private RunContext? _context;
    private IGenerativeModel? _model;
    private double? _heldOutPerplexity;

    /// <inheritdoc />
    public async Task TrainAsync(GenerationSetup setup, IReadOnlyList<Document> trainingSet)
    {
        _setup = setup;
        _context = await contexts.GetAsync(setup.Run);
        var vendor = _context.Scenario.Vendors[setup.VendorIndex];
        var family = ModelFamilies.Create(vendor.Model, _context.Scenario.Data);
        var random = RandomStreams.For(_context.Scenario.Seed, RandomKey, setup.TrainedAtTick, "fit");
        var contents = trainingSet.Select(d => d.Content).ToList();
        _model = await Task.Run(() => family.Fit(contents, random));
        _heldOutPerplexity = null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentContent>> SampleAsync(int tick, int count, int length, double temperature)
    {
        var model = Model;
        var random = RandomStreams.For(_context!.Scenario.Seed, RandomKey, tick, "sample");
        return await Task.Run(() => model.Sample(count, new SamplingOptions(length, temperature), random));
    }

    /// <inheritdoc />
    public async Task<double[]> PerplexitiesAsync(IReadOnlyList<DocumentContent> documents)
    {
        var model = Model;
        return await Task.Run(() => documents.Select(d => model.Score(d).Perplexity).ToArray());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MetricRow>> MeasureAsync(int tick)
    {
        var model = Model;
        var context = _context!;
        var vendor = context.Scenario.Vendors[_setup!.VendorIndex].Name;
        var generation = _setup.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = new List<MetricRow>();
        void Add(string metric, string label, double value) =>
            rows.Add(new MetricRow(tick, _setup.Replicate, vendor, generation, metric, label, value));

        foreach (var statistic in model.Describe())
        {
            Add(statistic.Name, statistic.Label, statistic.Value);
        }

        if (context.Truth is { } truth)
        {
            foreach (var statistic in model.CompareTo(truth))
            {
                Add(statistic.Name, statistic.Label, statistic.Value);
            }
        }

        if (context.HeldOut.Count > 0)
        {
            _heldOutPerplexity ??= await Task.Run(() => CorpusPerplexity(model, context.HeldOut));
            Add(MetricNames.HeldoutPerplexity, "", _heldOutPerplexity.Value);
        }

        return rows;
    }

    private IGenerativeModel Model => _model ?? throw new InvalidOperationException(
        $"Model generation '{this.GetPrimaryKeyString()}' has not been trained in this activation.");

    private string RandomKey => RandomKeys.Generation(_setup!.Replicate, _context!.Scenario.Vendors[_setup.VendorIndex].Name, _setup.Generation);

    /// <summary>Token-level perplexity over a document set: exp of the mean negative log-likelihood per token.</summary>
    private static double CorpusPerplexity(IGenerativeModel model, IReadOnlyList<DocumentContent> documents)
    {
        double logLikelihood = 0;
        long units = 0;
        foreach (var document in documents)
        {
            var score = model.Score(document);
            logLikelihood += score.LogLikelihood;
            units += score.Units;
        }

        return units == 0 ? double.NaN : Math.Exp(-logLikelihood / units);
    }
}
