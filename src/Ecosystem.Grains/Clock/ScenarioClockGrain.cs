using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Grains.Authors;
using Ecosystem.Grains.Corpus;
using Ecosystem.Grains.Measurement;
using Ecosystem.Grains.Persistence;
using Ecosystem.Grains.Runs;
using Ecosystem.Grains.Telemetry;
using Ecosystem.Metrics;
using Microsoft.Extensions.Logging;

namespace Ecosystem.Grains.Clock;

/// <summary>The clock of a run: each tick runs the phases in order — humans publish, vendors train, deployed models
/// publish, everything is measured — with a barrier after each, across every world of the run.</summary>
/// <remarks>A tick is the unit of consistency. It starts by telling every shard and vendor to begin it (each takes the
/// state saved at the end of the previous tick), ends by sealing the shards' segments, and is done once the clock
/// commits its own state (<see cref="ClockCheckpoint"/>). A tick that fails before (a lost silo, unreachable storage)
/// leaves the committed state as it was, and the runner runs it again: every draw is seeded by (seed, key, tick,
/// purpose), so the retried tick produces the same numbers.</remarks>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class ScenarioClockGrain(
    RunContextCache contexts,
    SimulationMeter meter,
    IBlobStore blobs,
    [PersistentState("clock", StorageNames.Grains)] IPersistentState<ClockState> state,
    ILogger<ScenarioClockGrain> logger) : Grain, IScenarioClockGrain
{
    private readonly Dictionary<(int Replicate, string Vendor), TrainingActivity> _training = [];
    private ClockCheckpoint _checkpoint = null!;
    private RunContext? _context;
    private WorldTotals[] _totals = [];
    private WatermarkTotals? _watermarkTotals;
    private HumanPopulation? _population;
    private int _completedTicks;
    private int? _advancing;
    private bool _interrupted;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _checkpoint = new ClockCheckpoint(state, blobs, this.GetPrimaryKeyString());
        if (_checkpoint.Committed is { } committed)
        {
            await RestoreAsync(committed);
            logger.LogInformation("Run {RunId} continues after tick {Tick} from its saved state", committed.Spec!.RunId, committed.CompletedTicks - 1);
        }
    }

    /// <inheritdoc />
    public async Task StartAsync(RunSpec spec)
    {
        if (_context is not null)
        {
            if (!string.Equals(_context.Spec.ScenarioJson, spec.ScenarioJson, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Run '{spec.RunId}' already exists with another scenario.");
            }

            return;
        }

        var context = await contexts.GetAsync(spec);
        _context = context;
        // Only the first world's corpus rows are written, so only it sketches its bigrams.
        _totals = Enumerable.Range(0, context.Scenario.Replicates).Select(w => w == 0 && context.IsText ? WorldTotals.WithBigrams() : new WorldTotals()).ToArray();
        _population = PopulationOf(context);
        _watermarkTotals = context.HasWatermarks ? new WatermarkTotals(context.Detector, context.Scenario.Metrics.WatermarkZThreshold) : null;
        _completedTicks = 0;
        await _checkpoint.CommitAsync(ClockCheckpoint.Capture(spec, 0, _totals, _watermarkTotals, _population), report: null);
        logger.LogInformation("Run {RunId} started: {Worlds} world(s), {Authors} author(s) each", spec.RunId, context.Scenario.Replicates, context.Roster.Count);
    }

    /// <inheritdoc />
    public async Task<TickReport> AdvanceAsync(int tick)
    {
        if (_interrupted)
        {
            // The last attempt failed part-way: its totals are in memory only. Start again from the committed state.
            await _checkpoint.ReloadAsync();
            await RestoreAsync(_checkpoint.Committed ?? throw new InvalidOperationException("The run's saved state is gone."));
            _interrupted = false;
        }

        var context = _context ?? throw new InvalidOperationException("The run has not been started.");
        if (tick == _completedTicks - 1 && await _checkpoint.ReportOfAsync(tick) is { } committed)
        {
            return committed;
        }

        if (tick != _completedTicks || tick >= context.Scenario.Ticks)
        {
            throw new InvalidOperationException(
                $"Tick {tick} cannot run: {_completedTicks} of the run's {context.Scenario.Ticks} ticks are done, so the next is {_completedTicks}.");
        }

        RequestContext.Set(TickContext.Key, tick);
        _advancing = tick;
        try
        {
            var report = await RunTickAsync(context, tick);
            await _checkpoint.CommitAsync(ClockCheckpoint.Capture(context.Spec, tick + 1, _totals, _watermarkTotals, _population!), report);
            _completedTicks++;
            meter.Record(context.Spec.RunId, context.Scenario.Name, tick, report.Metrics);
            return report;
        }
        catch
        {
            _interrupted = true;
            throw;
        }
        finally
        {
            _advancing = null;
            _training.Clear();
            RequestContext.Remove(TickContext.Key);
        }
    }

    private async Task<TickReport> RunTickAsync(RunContext context, int tick)
    {
        var scenario = context.Scenario;
        using var span = SimulationTracing.StartTick(context.Spec.RunId, tick);
        var worlds = Enumerable.Range(0, scenario.Replicates).ToArray();
        var population = _population!;
        var vendors = worlds.SelectMany(w => scenario.Vendors.Select((v, i) => (World: w, Index: i,
            Grain: GrainFactory.GetGrain<IModelVendorGrain>(new WorldAddress(context.Spec.RunId, w).Vendor(v.Name))))).ToArray();
        var shards = worlds.SelectMany(w => Enumerable.Range(0, scenario.Shards)
            .Select(s => GrainFactory.GetGrain<ICorpusShardGrain>(new WorldAddress(context.Spec.RunId, w).Shard(s)))).ToArray();
        await SimulationTracing.InStepAsync(SimulationTracing.BeginTick, tick, () => Task.WhenAll(shards.Select(s => s.BeginTickAsync(tick))
            .Concat(vendors.Select(v => v.Grain.BeginTickAsync(context.Spec, v.World, v.Index, tick)))));

        var assisted = population.AssistedShareAt(tick);
        var humanCounts = await SimulationTracing.InPhaseAsync(TickPhase.HumansPublish, tick, () => Task.WhenAll(worlds.SelectMany(w =>
            population.QuotasAt(w, tick, HumanCohortGrain.AuthorsPerCohort)
                .Select(cohort => GrainFactory.GetGrain<IHumanCohortGrain>(new WorldAddress(context.Spec.RunId, w).Cohort(cohort.Index))
                    .PublishAsync(context.Spec, w, tick, cohort.Quotas, assisted)))));

        var trained = await SimulationTracing.InPhaseAsync(TickPhase.VendorsTrain, tick, () =>
            Task.WhenAll(vendors.Select(v => v.Grain.TrainIfDueAsync(context.Spec, v.World, v.Index, tick))));
        var modelCounts = await SimulationTracing.InPhaseAsync(TickPhase.ModelsPublish, tick, () =>
            Task.WhenAll(vendors.Select(v => v.Grain.PublishAsync(tick))));

        var (corpusMeasurements, vendorMeasurements) = await SimulationTracing.InPhaseAsync(TickPhase.Measure, tick, async () =>
        {
            var published = await Task.WhenAll(worlds.Select(w =>
                ShardWriter.TickAsync(GrainFactory, new WorldAddress(context.Spec.RunId, w), scenario.Shards, tick)));

            // Nothing more is published this tick, and the measures have the tick's documents in hand: the shards seal
            // their segments (columns, Arrow files) while the corpus and the vendors are measured, on the cores the
            // measures leave idle. The tick is committed only once both are done, so a failure in either reruns it.
            var commit = SimulationTracing.InStepAsync(SimulationTracing.CommitTick, tick, () => Task.WhenAll(shards.Select(s => s.SealTickAsync(tick))));
            var corpus = Task.WhenAll(worlds.Select(w => MeasureCorpusAsync(context, w, tick, published[w])));
            var vendorResults = Task.WhenAll(vendors.Select(v => v.Grain.MeasureAsync(tick)));
            await Task.WhenAll(commit, corpus, vendorResults);
            return (await corpus, await vendorResults);
        });

        var rows = new List<MetricRow>();
        var samples = new List<SampledDocument>();
        foreach (var (corpusRows, corpusSamples) in corpusMeasurements)
        {
            rows.AddRange(corpusRows);
            samples.AddRange(corpusSamples);
        }

        foreach (var measurement in vendorMeasurements)
        {
            rows.AddRange(measurement.Metrics);
            samples.AddRange(measurement.Samples);
        }

        return new TickReport(tick, rows, samples, humanCounts.Sum(x => (long)x) + modelCounts.Sum(x => (long)x), trained.Count(t => t));
    }

    /// <inheritdoc />
    public async Task FinishAsync()
    {
        if (_context is not { } context)
        {
            return;
        }

        var worlds = Enumerable.Range(0, context.Scenario.Replicates).Select(w => new WorldAddress(context.Spec.RunId, w)).ToList();
        await Task.WhenAll(worlds.SelectMany(world =>
            context.Scenario.Vendors.Select(v => GrainFactory.GetGrain<IModelVendorGrain>(world.Vendor(v.Name)).ReleaseAsync())
                .Concat(Enumerable.Range(0, context.Scenario.Shards).Select(s => GrainFactory.GetGrain<ICorpusShardGrain>(world.Shard(s)).ReleaseAsync()))));
        await _checkpoint.ClearAsync();
        contexts.Release(context.Spec.RunId);
        _context = null;
        _totals = [];
        _watermarkTotals = null;
        _population = null;
        DeactivateOnIdle();
    }

    /// <inheritdoc />
    public Task<RunStatus> GetStatusAsync() => Task.FromResult(new RunStatus(
        this.GetPrimaryKeyString(), _completedTicks, _context?.Scenario.Ticks ?? 0, _context is not null,
        _training.Values.OrderBy(a => a.Replicate).ThenBy(a => a.Vendor, StringComparer.Ordinal).ToList(), _advancing));

    /// <inheritdoc />
    public Task ReportTrainingAsync(TrainingActivity activity)
    {
        _training[(activity.Replicate, activity.Vendor)] = activity;
        return Task.CompletedTask;
    }

    /// <summary>The run's population, its authors publishing at their genre's rate.</summary>
    private static HumanPopulation PopulationOf(RunContext context)
    {
        var humans = context.Scenario.Humans;
        return new HumanPopulation(humans, context.Scenario.Replicates, humans.GenreRates is { Count: > 0 } rates
            ? author => rates.GetValueOrDefault(context.Roster.GenreOf(author), 1)
            : null);
    }

    /// <summary>Takes the run and its totals as committed.</summary>
    private async Task RestoreAsync(ClockState committed)
    {
        var spec = committed.Spec!;
        var context = await contexts.GetAsync(spec);
        _context = context;
        _completedTicks = committed.CompletedTicks;
        _totals = committed.Worlds.Select(WorldTotals.FromState).ToArray();
        _population = PopulationOf(context);
        _population.Restore(committed.OutputFactors);
        _watermarkTotals = context.HasWatermarks ? new WatermarkTotals(context.Detector, context.Scenario.Metrics.WatermarkZThreshold) : null;
        if (committed.WatermarkCounts is { } counts)
        {
            _watermarkTotals?.Restore(counts);
        }
    }

    /// <summary>The diversity rows of a tick's published documents (a sample of them when the scenario says so).</summary>
    private static List<MetricRow> TickDiversity(RunContext context, int world, int tick, IReadOnlyList<Document> published)
    {
        var sink = new RowSink(tick, world, "", "");
        var measured = MeasuredSample.Of(published, context.Scenario.Metrics.DiversityDocuments, context.Scenario.Seed, $"corpus/{world}", tick);
        TextMeasurement.AddDiversity(sink, context, measured.Select(d => d.Content.Tokens).ToList(), genres: null);
        return sink.Rows;
    }

    private async Task<(List<MetricRow> Rows, List<SampledDocument> Samples)> MeasureCorpusAsync(
        RunContext context, int world, int tick, IReadOnlyList<Document> published)
    {
        // The tick's diversity does not depend on the running totals: its passes start first and run beside the
        // totals' update (a serial pass over every token, for the corpus's bigram sketch).
        var diversity = world == 0 && context.IsText ? Task.Run(() => TickDiversity(context, world, tick, published)) : null;
        var totals = _totals[world];
        totals.Add(published);
        var publishedSynthetic = published.Count == 0 ? 0 : (double)published.Count(d => d.Provenance.IsSynthetic) / published.Count;
        _population!.Record(world, tick, publishedSynthetic);

        // With many replicates the corpus of each world adds little: keep the first world's rows only.
        if (world > 0)
        {
            return ([], []);
        }

        var sink = new RowSink(tick, world, "", "");
        var documents = totals.HumanDocuments + totals.SyntheticDocuments;
        var units = totals.HumanUnits + totals.SyntheticUnits;
        sink.Add(MetricNames.DocumentsTotal, documents);
        sink.Add(MetricNames.DocumentsHuman, totals.HumanDocuments);
        sink.Add(MetricNames.DocumentsSynthetic, totals.SyntheticDocuments);
        sink.Add(MetricNames.SyntheticShareDocuments, documents == 0 ? 0 : (double)totals.SyntheticDocuments / documents);
        sink.Add(MetricNames.SyntheticShareTokens, units == 0 ? 0 : (double)totals.SyntheticUnits / units);
        sink.Add(MetricNames.PublishedSyntheticShare, publishedSynthetic);
        if (context.Scenario.Humans is { } humans && (humans.ActiveAuthors is not null || humans.NewcomersPerTick > 0 || humans.Displacement > 0 || humans.Assistance is not null))
        {
            var byPeople = published.Count(d => d.Provenance.Kind is AuthorKind.Human or AuthorKind.Assisted && d.Phase == TickPhase.HumansPublish);
            sink.Add(MetricNames.AuthorsActive, _population.ActiveAt(tick));
            sink.Add(MetricNames.HumanDocumentsPublished, byPeople);
            sink.Add(MetricNames.DocumentsAssisted, totals.AssistedDocuments);
            sink.Add(MetricNames.AssistedShare, byPeople == 0 ? 0 : (double)published.Count(d => d.Provenance.IsAssisted) / byPeople);
        }

        if (_watermarkTotals is { } watermarks)
        {
            await Task.Run(() => watermarks.Add(published));
            watermarks.AddRows(sink);
        }

        var samples = new List<SampledDocument>();
        if (context.IsText)
        {
            foreach (var genre in context.Genres)
            {
                sink.Add(MetricNames.GenreShare, documents == 0 ? 0 : (double)totals.Genres.GetValueOrDefault(genre) / documents, genre);
            }

            if (totals.Bigrams is { } bigrams)
            {
                var distinct = bigrams.Estimate();
                sink.Add(MetricNames.CorpusDistinctNGrams, distinct, "2");
                sink.Add(MetricNames.CorpusDistinct2, totals.BigramOccurrences == 0 ? 0 : Math.Min(1, distinct / totals.BigramOccurrences));
            }

            sink.Rows.AddRange(await diversity!);

            samples.AddRange(published
                .Where(d => !d.Provenance.IsSynthetic)
                .Take(context.Scenario.Metrics.SamplesPerTick)
                .Select(d => new SampledDocument(world, d.Id, tick, d.Provenance, context.Decode(d.Content.Tokens), d.Content.Values)));
        }

        return (sink.Rows, samples);
    }
}
