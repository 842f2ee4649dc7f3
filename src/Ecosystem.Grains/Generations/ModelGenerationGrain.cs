using System.Globalization;
using Ecosystem.Abstractions.Models;
using Ecosystem.Abstractions;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Corpus;
using Ecosystem.Grains.Bases;
using Ecosystem.Grains.Placement;
using Ecosystem.Grains.Measurement;
using Ecosystem.Grains.Persistence;
using Ecosystem.Grains.Runs;
using Ecosystem.Models;
using Ecosystem.Models.Transformer;
using Ecosystem.Scenarios;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace Ecosystem.Grains.Generations;

/// <summary>One model generation: fitted once to its vendor's training set, then sampled and scored on request.</summary>
/// <remarks>Fitting, sampling and scoring run on the thread pool, off the grain scheduler, so the silo stays responsive.
/// Expensive models are checkpointed after training; an activation that finds a checkpoint for its key (after a
/// silo failure or a deactivation) reloads it instead of asking to be retrained. Any other trained generation refits
/// its model from its saved training set (<see cref="GenerationRecipes"/>), with the same seed.</remarks>
[CollectionAgeLimit(AlwaysActive = true)]
[AcceleratorPlacement]
public sealed class ModelGenerationGrain(
    RunContextCache contexts,
    ModelCheckpoints checkpoints,
    BaseModels bases,
    IBlobStore blobs,
    Serializer serializer,
    [PersistentState("generation", StorageNames.Grains)] IPersistentState<GenerationState> state,
    ILogger<ModelGenerationGrain> logger) : Grain, IModelGenerationGrain
{
    private GenerationSetup? _setup;
    private RunContext? _context;
    private IGenerativeModel? _model;
    private bool _restoreTried;
    private HeldOutPerplexity? _heldOutPerplexity;
    private IReadOnlyList<Document>? _trainingSet;
    private IReadOnlyList<MetricRow>? _baseRows;

    /// <summary>Brings back the model of an activation that lost it (after a silo failure, a deactivation or
    /// <see cref="RetireAsync"/>) on the first call that needs it, not on activation, so that releasing a retired
    /// generation at the end of a run never refits it.</summary>
    private async Task RestoreAsync()
    {
        if (_model is not null || _restoreTried)
        {
            return;
        }

        _restoreTried = true;
        var key = this.GetPrimaryKeyString();
        var restored = await checkpoints.TryLoadAsync(key, DeviceKind.Auto);
        if (restored is { } checkpoint)
        {
            _setup = checkpoint.Setup;
            _context = await contexts.GetAsync(checkpoint.Setup.Run);
            _model = checkpoint.Model;
            logger.LogInformation("Generation {Key} restored from its checkpoint", key);
        }
        else if (await Recipes.LoadAsync() is { } recipe)
        {
            await FitAsync(recipe.Setup, recipe.TrainingSet.Select(d => d.Content).ToList(),
                WeightsOf(await contexts.GetAsync(recipe.Setup.Run), recipe.Setup, recipe.TrainingSet));
            logger.LogInformation("Generation {Key} refitted from its saved training set", key);
        }
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        (_model as IDisposable)?.Dispose();
        _model = null;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RetireAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task ReleaseAsync()
    {
        await checkpoints.DeleteAsync(this.GetPrimaryKeyString());
        await Recipes.ClearAsync();
        if (_setup is not null)
        {
            contexts.Release(_setup.Run.RunId);
        }

        DeactivateOnIdle();
    }

    /// <inheritdoc />
    public async Task TrainAsync(GenerationSetup setup, DocumentBatch trainingSet)
    {
        var contents = trainingSet.Select(d => d.Content).ToList();
        var weights = WeightsOf(await contexts.GetAsync(setup.Run), setup, trainingSet);
        // The recipe is serialized on the grain's thread while the fit runs on its own. Should the fit fail, the
        // tick fails and is run again, and that run trains and saves this generation again.
        await Task.WhenAll(FitAsync(setup, contents, weights), Recipes.SaveAsync(setup, trainingSet));
    }

    /// <summary>The weight of each training document when the vendor's policy weighs real against synthetic data
    /// (the policy in force at the training tick), else null.</summary>
    private static TrainingWeights? WeightsOf(RunContext context, GenerationSetup setup, IReadOnlyList<Document> trainingSet) =>
        context.VendorAt(setup.VendorIndex, setup.TrainedAtTick).Training.RealWeight is { } realWeight
            ? TrainingWeights.ForRealShare([.. trainingSet.Select(d => !d.Provenance.IsSynthetic)], [.. trainingSet.Select(d => d.Content.Length)], realWeight)
            : null;

    /// <summary>Fits (or fine-tunes) the model of <paramref name="setup"/> to <paramref name="contents"/> and checkpoints
    /// it when it is worth it.</summary>
    private async Task FitAsync(GenerationSetup setup, IReadOnlyList<DocumentContent> contents, TrainingWeights? weights)
    {
        _setup = setup;
        _context = await contexts.GetAsync(setup.Run);
        var key = this.GetPrimaryKeyString();
        var vendor = _context.Scenario.Vendors[setup.VendorIndex];
        var clock = GrainFactory.GetGrain<IScenarioClockGrain>(setup.Run.RunId);
        Progress<TrainingProgress> ProgressOf(int generation) => new(p =>
        {
            logger.LogInformation(
                "{Key}: {Model} epoch {Epoch}/{Epochs}, step {Step}/{Steps}, loss {Loss:F3}, {TokensPerSecond:F0} tokens/s",
                key, generation == TrainingActivity.BaseGeneration ? "base" : "generation " + generation, p.Epoch, p.Epochs, p.Step, p.Steps, p.Loss, p.TokensPerSecond);
            // One-way and interleaved: progress never waits for the clock, which is busy running the tick.
            _ = clock.ReportTrainingAsync(new TrainingActivity(setup.Replicate, vendor.Name, generation, p.Epoch, p.Epochs, p.Step, p.Steps, p.Loss, p.TokensPerSecond)
            {
                EtaSeconds = double.IsFinite(p.EtaSeconds) ? p.EtaSeconds : null,
            });
        });
        void Warn(string warning) => logger.LogWarning("{Key}: {Warning}", key, warning);
        var family = ModelFamilies.Create(vendor.Model, _context.Scenario.Data, ProgressOf(setup.Generation), Warn, _context.ValidationFor(setup.VendorIndex));
        var random = RandomStreams.For(_context.Scenario.Seed, RandomKey, setup.TrainedAtTick, "fit");
        var fromBase = vendor.Training.InitialWeights == InitialWeights.Base && family.CanFineTune;
        var start = fromBase
            ? (await bases.GetAsync(_context.Scenario, vendor, ProgressOf(TrainingActivity.BaseGeneration), Warn)).Model
            : setup.Generation > 0 && vendor.Training.InitialWeights == InitialWeights.Generation0 && family.CanFineTune
                ? await GenerationZeroAsync(setup)
                : null;

        var previous = _model;
        // Training can take minutes: it gets a thread of its own rather than holding one of the pool's.
        _model = await Task.Factory.StartNew(
            () => start is null ? family.Fit(contents, weights, random) : family.FineTune(start, contents, weights, random),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        (previous as IDisposable)?.Dispose();
        if (!fromBase)
        {
            // The base is shared by every generation of the silo; generation 0's weights were loaded for this one.
            (start as IDisposable)?.Dispose();
        }

        if (_model is TransformerModel { Training: { ValidationLosses.Count: > 0 } training })
        {
            logger.LogInformation(
                "{Key}: kept epoch {Epoch} of {Epochs}, validation loss per epoch {Losses}",
                key, training.SelectedEpoch, training.Epochs, string.Join(", ", training.ValidationLosses.Select(l => l.ToString("F3", CultureInfo.InvariantCulture))));
        }

        _heldOutPerplexity = null;
        if (ModelCheckpoints.Applies(_model))
        {
            var model = _model;
            await checkpoints.SaveAsync(key, setup, model);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrainingPrompt>> TrainingPromptsAsync(int tick, int count, int promptTokens)
    {
        await RestoreAsync();
        // Read from the saved recipe only when asked, so generations of vendors that never prompt this way hold no
        // copy of their training set in memory.
        var trainingSet = _trainingSet ??= (await Recipes.LoadAsync())?.TrainingSet ?? [];
        if (_setup is null || trainingSet.Count == 0)
        {
            return [];
        }

        // With replacement: what the model is asked to continue is a sample of what it learned from, so the mix of
        // genres it writes drifts from generation to generation instead of being copied exactly.
        var random = RandomStreams.For(_context!.Scenario.Seed, RandomKey, tick, "training-prompts");
        var prompts = new TrainingPrompt[count];
        for (var i = 0; i < count; i++)
        {
            var source = trainingSet[random.Next(trainingSet.Count)];
            var tokens = source.Content.Tokens;
            prompts[i] = new TrainingPrompt(source.Id, source.Provenance.Genre,
                DocumentContent.FromTokens(tokens.Length > promptTokens ? tokens[..promptTokens] : tokens));
        }

        return prompts;
    }

    /// <inheritdoc />
    /// <remarks>When the vendor watermarks, each document is sampled with or without the watermark as
    /// <see cref="RunContext.WatermarkOf"/> says, from the same random stream in document order.</remarks>
    public async Task<IReadOnlyList<DocumentContent>> SampleAsync(SampleRequest request)
    {
        await RestoreAsync();
        var model = Model;
        var context = _context!;
        var vendorIndex = _setup!.VendorIndex;
        var random = RandomStreams.For(context.Scenario.Seed, RandomKey, request.Tick, request.Stream);
        var options = new SamplingOptions(request.Length, request.Temperature)
        {
            TopP = request.TopP,
            Beams = request.Beams,
            Prompts = request.Prompts,
            NoRepeatNgramSize = request.NoRepeatNgramSize,
            RepetitionPenalty = request.RepetitionPenalty,
            BeamSampling = request.BeamSampling,
        };
        if (context.Watermarks[vendorIndex] is null)
        {
            return await Task.Run(() => model.Sample(request.Count, options, random));
        }

        return await Task.Run(() => Enumerable.Range(0, request.Count)
            .Select(i => model.Sample(1, options with
            {
                Watermark = context.WatermarkOf(vendorIndex, i, request.Tick),
                Prompts = request.Prompts is { } prompts ? [prompts[i]] : null,
            }, random)[0])
            .ToList());
    }

    /// <inheritdoc />
    public async Task<double[]> PerplexitiesAsync(IReadOnlyList<DocumentContent> documents)
    {
        await RestoreAsync();
        var model = Model;
        return await Task.Run(() => model.ScoreMany(documents).Select(s => s.Perplexity).ToArray());
    }

    /// <inheritdoc />
    public async Task<double[]> BasePerplexitiesAsync(IReadOnlyList<DocumentContent> documents)
    {
        await RestoreAsync();
        var context = _context!;
        var pretrained = await bases.GetAsync(context.Scenario, context.Scenario.Vendors[_setup!.VendorIndex], null, warning => logger.LogWarning("{Warning}", warning));
        return await Task.Run(() => pretrained.Model.ScoreMany(documents).Select(s => s.Perplexity).ToArray());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<int[]>> DrawNextTokensAsync(IReadOnlyList<DocumentContent> documents, int draws, int tick)
    {
        await RestoreAsync();
        var model = Model as NGramModel ?? throw new NotSupportedException("Next-token draws for a detector are computed for n-gram models.");
        var seed = _context!.Scenario.Seed;
        return await Task.Run(() => (IReadOnlyList<int[]>)[.. documents.Select((d, i) =>
            model.DrawNextTokens(d, draws, RandomStreams.For(seed, RandomKey, tick, "detector-draws-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))))]);
    }

    /// <inheritdoc />
    public async Task<double[]> CrossEntropiesAsync(IReadOnlyList<DocumentContent> documents, IReadOnlyList<int[]> drawn, int draws)
    {
        await RestoreAsync();
        var model = Model as NGramModel ?? throw new NotSupportedException("Cross-entropies for a detector are computed for n-gram models.");
        return await Task.Run(() => documents.Select((d, i) => model.CrossEntropy(d, drawn[i], draws)).ToArray());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MetricRow>> MeasureAsync(int tick)
    {
        await RestoreAsync();
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

        if (_setup.Generation == 0 && context.HeldOut.Count > 0 && context.Scenario.Vendors[_setup.VendorIndex].Training.InitialWeights == InitialWeights.Base)
        {
            _baseRows ??= await BaseRowsAsync(tick, vendor, generation);
            rows.AddRange(_baseRows.Select(r => r with { Tick = tick }));
        }

        if (context.HeldOut.Count > 0)
        {
            _heldOutPerplexity ??= await Task.Run(() => HeldOutPerplexity.Of(model, context.HeldOut, context.HeldOutGenres));
            Add(MetricNames.HeldoutPerplexity, "", _heldOutPerplexity.Overall);
            foreach (var (genre, perplexity) in _heldOutPerplexity.ByGenre)
            {
                Add(MetricNames.HeldoutPerplexityGenre, genre, perplexity);
            }
        }

        return rows;
    }

    /// <summary>The base's zero-shot held-out perplexity, and that of a Kneser-Ney trigram trained on the same tokens as
    /// generation 0 (the base's corpus plus generation 0's training set): the anchors generation 0 is read against.</summary>
    private async Task<IReadOnlyList<MetricRow>> BaseRowsAsync(int tick, string vendor, string generation)
    {
        var context = _context!;
        var vendorSpec = context.Scenario.Vendors[_setup!.VendorIndex];
        var pretrained = await bases.GetAsync(context.Scenario, vendorSpec, null, warning => logger.LogWarning("{Warning}", warning));
        var trainingSet = _trainingSet ??= (await Recipes.LoadAsync())?.TrainingSet ?? [];
        return await Task.Run(() =>
        {
            const int order = 3;
            var basePerplexity = HeldOutPerplexity.Of(pretrained.Model, context.HeldOut, context.HeldOutGenres).Overall;
            var ngram = new NGramFamily(order, 0.75, TextTokenizer.Shared.VocabularySize)
                .Fit(pretrained.Documents.Concat(trainingSet.Select(d => d.Content)).ToList(), new Random(0));
            var ngramPerplexity = HeldOutPerplexity.Of(ngram, context.HeldOut, context.HeldOutGenres).Overall;
            return (IReadOnlyList<MetricRow>)
            [
                new MetricRow(tick, _setup.Replicate, vendor, generation, MetricNames.BaseHeldoutPerplexity, "", basePerplexity),
                new MetricRow(tick, _setup.Replicate, vendor, generation, MetricNames.ReferenceNgramHeldoutPerplexity,
                    order.ToString(System.Globalization.CultureInfo.InvariantCulture), ngramPerplexity),
            ];
        });
    }

    private GenerationRecipes Recipes => new(state, blobs, serializer, this.GetPrimaryKeyString());

    private IGenerativeModel Model => _model ?? throw new InvalidOperationException(
        $"Model generation '{this.GetPrimaryKeyString()}' has not been trained and has no checkpoint.");

    private string RandomKey => RandomKeys.Generation(_setup!.Replicate, _context!.Scenario.Vendors[_setup.VendorIndex].Name, _setup.Generation);

    /// <summary>Generation 0 of the same vendor and world, from its checkpoint (it may live on another silo).</summary>
    private async Task<IGenerativeModel> GenerationZeroAsync(GenerationSetup setup)
    {
        var vendor = _context!.Scenario.Vendors[setup.VendorIndex].Name;
        var key = new WorldAddress(setup.Run.RunId, setup.Replicate).Generation(vendor, 0);
        var device = _context.Scenario.Vendors[setup.VendorIndex].Model.Transformer.Device;
        var restored = await checkpoints.TryLoadAsync(key, device);
        return restored?.Model ?? throw new InvalidOperationException(
            $"Generation {setup.Generation} of '{vendor}' starts from generation 0's weights, but generation 0 has no checkpoint.");
    }
}
