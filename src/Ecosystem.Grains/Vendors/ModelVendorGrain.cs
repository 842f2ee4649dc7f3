using System.Globalization;
using Ecosystem.Abstractions;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Abstractions.Telemetry;
using Ecosystem.Filtering;
using Ecosystem.Grains.Corpus;
using Ecosystem.Grains.Crawls;
using Ecosystem.Grains.Measurement;
using Ecosystem.Grains.Persistence;
using Ecosystem.Grains.Placement;
using Ecosystem.Grains.Runs;
using Ecosystem.Grains.Telemetry;
using Ecosystem.Scenarios;
using Ecosystem.Watermarking;

namespace Ecosystem.Grains.Vendors;

/// <summary>A model vendor: scrapes the shared corpus under its data policy, trains a new generation on its release
/// schedule, deploys it to publish synthetic text, and measures it.</summary>
/// <remarks>What a tick changes (generation, training data) is saved once the vendor's part of the tick is done
/// (<see cref="VendorCheckpoints"/>), and each tick starts from the state saved before it.</remarks>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class ModelVendorGrain(RunContextCache contexts, IBlobStore blobs, [PersistentState("vendor", StorageNames.Grains)] IPersistentState<VendorState> state)
    : Grain, IModelVendorGrain
{
    private readonly TickFence _fence = new();
    private VendorCheckpoints? _checkpoints;
    private RunContext? _context;
    private VendorSpec? _vendor;
    private WorldAddress _world;
    private int _replicate;
    private int _vendorIndex;
    private TrainingSetBuilder? _trainingSets;
    private int _generation = -1;
    private int? _lastTrainedTick;
    private List<Document> _published = [];
    private List<MetricRow> _trainingRows = [];

    /// <inheritdoc />
    public async Task BeginTickAsync(RunSpec spec, int replicate, int vendorIndex, int tick)
    {
        await AttachAsync(spec, replicate, vendorIndex);
        _checkpoints ??= new VendorCheckpoints(state, blobs, this.GetPrimaryKeyString());
        if (_checkpoints.NeedsRestore(tick, Progress))
        {
            (_generation, _lastTrainedTick, _trainingSets) = await _checkpoints.RestoreBeforeAsync(tick);
        }

        _fence.Begin(tick);
    }

    /// <inheritdoc />
    public async Task<bool> TrainIfDueAsync(RunSpec spec, int replicate, int vendorIndex, int tick)
    {
        _fence.Ensure(this.GetPrimaryKeyString());
        await AttachAsync(spec, replicate, vendorIndex);

        // Policies can change during a run; this tick's training, publishing and measuring follow the ones in force.
        _vendor = _context!.VendorAt(vendorIndex, tick);

        _trainingRows = [];
        var release = _vendor!.Release;
        if (tick < release.First || (tick - release.First) % release.Every != 0)
        {
            return false;
        }

        var query = new ScrapeQuery(
            _lastTrainedTick ?? -1,
            TickPhase.VendorsTrain,
            tick,
            _vendor.Training.Sources == ScrapeSources.Self ? _vendor.Name : null);
        var training = _vendor.Training;
        var wholeWeb = training.CrawlPolicy.Kind != CrawlPolicyKind.New;
        IReadOnlyList<Document> scraped;
        using (var span = SimulationTracing.StartScrape(spec.RunId, _replicate, _vendor.Name, tick))
        {
            scraped = wholeWeb
                ? await WebCrawler.CrawlAsync(GrainFactory, _world, _context.Scenario.Shards, query.OnlyVendor, training.CrawlPolicy,
                    training.CrawlBudget!.Value, tick, _context.Scenario.Seed, RandomKeys.Vendor(_replicate, _vendor.Name))
                : await ShardWriter.ScrapeAsync(GrainFactory, _world, _context.Scenario.Shards, query);
            span?.SetTag(TelemetryAttributes.Documents, scraped.Count);
        }

        var random = RandomStreams.For(_context.Scenario.Seed, RandomKeys.Vendor(_replicate, _vendor.Name), tick, "training-set");
        var next = _generation + 1;
        var fresh = FreshHumanDocuments(tick, random);
        var sink = new RowSink(tick, _replicate, _vendor.Name, next.ToString(CultureInfo.InvariantCulture));
        // A whole-web crawl spent its budget already; a crawl of new documents samples it here.
        var crawled = await FilterAsync(wholeWeb ? scraped : _trainingSets!.Crawl(training, scraped, random), sink);
        var trainingSet = _trainingSets!.Build(training, next, crawled, fresh, random, _context.EverKeepsHumanData(vendorIndex));
        if (_context.OptOuts is { } optOuts)
        {
            var outcome = optOuts.Apply(crawled, trainingSet, training.RespectOptOut, tick);
            trainingSet = outcome.TrainingSet;
            sink.Add(MetricNames.CrawlOptedOutShare, outcome.CrawlOptedOutShare);
            sink.Add(MetricNames.TrainingOptedOutDocuments, outcome.OptedOutTrained);
            sink.Add(MetricNames.TrainingHumanShare, outcome.HumanShare);
        }

        // Filter reports are kept even when nothing is left to train on (after a crawl cut-off, say).
        _trainingRows = sink.Rows;
        if (trainingSet.Count == 0)
        {
            return false;
        }

        var setup = new GenerationSetup(_context.Spec, _replicate, _vendorIndex, next, tick);
        // The device travels with the activating call, so placement can put the generation on a GPU silo.
        RequestContext.Set(SiloAccelerators.DeviceRequestKey, DeviceRequest(_vendor.Model));
        try
        {
            using (SimulationTracing.StartTraining(spec.RunId, _replicate, _vendor.Name, next, tick, trainingSet.Count))
            {
                await GrainFactory.GetGrain<IModelGenerationGrain>(_world.Generation(_vendor.Name, next)).TrainAsync(setup, new DocumentBatch(trainingSet));
            }
        }
        finally
        {
            RequestContext.Remove(SiloAccelerators.DeviceRequestKey);
        }

        // Generation 0 stays: later generations are scored under it and may start from its weights. The one replaced
        // is dropped from memory, or a long run would hold every generation it ever trained.
        if (_generation >= 1)
        {
            await GrainFactory.GetGrain<IModelGenerationGrain>(_world.Generation(_vendor.Name, _generation)).RetireAsync();
        }

        _generation = next;
        _lastTrainedTick = tick;

        var synthetic = trainingSet.Count(d => d.Provenance.IsSynthetic);
        sink.Add(MetricNames.TrainingDocuments, trainingSet.Count);
        sink.Add(MetricNames.TrainingSyntheticShare, (double)synthetic / trainingSet.Count);
        TrainingSources.Add(sink, _context.Scenario.Vendors, trainingSet);
        if (wholeWeb && crawled.Count > 0)
        {
            // How far back the crawl reached; a crawl of new documents only is by construction about 0.
            sink.Add(MetricNames.CrawlMeanAge, crawled.Average(d => (double)(tick - d.Tick)));
        }
        if (_context.HasWatermarks)
        {
            var detector = _context.Detector;
            var threshold = _context.Scenario.Metrics.WatermarkZThreshold;
            var flagged = await Task.Run(() => trainingSet.Count(d => detector.Detect(d.Content.Tokens).IsFlagged(threshold)));
            sink.Add(MetricNames.TrainingDetectedSyntheticShare, (double)flagged / trainingSet.Count);
        }

        return true;
    }

    /// <summary>Runs the vendor's scrape filters over what it crawled and adds each filter's true and false removals
    /// to <paramref name="sink"/>. The perplexity filter scores under generation 0, so it passes everything until
    /// generation 0 exists.</summary>
    private async Task<IReadOnlyList<Document>> FilterAsync(IReadOnlyList<Document> crawled, RowSink sink)
    {
        var filters = _vendor!.Training.Filters;
        if (filters.Count == 0)
        {
            return crawled;
        }

        Func<Document, double?> perplexityOf = _ => null;
        if (_generation >= 0 && crawled.Count > 0 && filters.Any(f => f is PerplexityFilterSpec))
        {
            var generationZero = GrainFactory.GetGrain<IModelGenerationGrain>(_world.Generation(_vendor.Name, 0));
            var perplexities = await generationZero.PerplexitiesAsync(crawled.Select(d => d.Content).ToList());
            var byId = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 0; i < crawled.Count; i++)
            {
                byId[crawled[i].Id] = perplexities[i];
            }

            perplexityOf = d => byId[d.Id];
        }

        var detectors = new Dictionary<int, (double Threshold, Func<Document, double?> ScoreOf)>();
        for (var f = 0; f < filters.Count; f++)
        {
            if (filters[f] is DetectorFilterSpec detector && _generation >= 0 && crawled.Count > 0)
            {
                detectors[f] = await DetectorAsync(detector, ScrapeFilterPipeline.Label(f, "detector"), crawled, sink);
            }
        }

        var pipeline = ScrapeFilters.Create(filters, _context!.Detector, perplexityOf, f => detectors.TryGetValue(f, out var d) ? d : null);
        var outcome = await Task.Run(() => pipeline.Apply(crawled));
        foreach (var report in outcome.Reports)
        {
            sink.Add(MetricNames.FilterRemovedHuman, report.RemovedHuman, report.Label);
            sink.Add(MetricNames.FilterRemovedSynthetic, report.RemovedSynthetic, report.Label);
            sink.Add(MetricNames.FilterPassedHuman, report.PassedHuman, report.Label);
            sink.Add(MetricNames.FilterPassedSynthetic, report.PassedSynthetic, report.Label);
            if (report.Label.EndsWith(":detector", StringComparison.Ordinal))
            {
                var synthetic = report.RemovedSynthetic + report.PassedSynthetic;
                var human = report.RemovedHuman + report.PassedHuman;
                sink.Add(MetricNames.DetectorTruePositiveRate, synthetic == 0 ? double.NaN : (double)report.RemovedSynthetic / synthetic, report.Label);
                sink.Add(MetricNames.DetectorFalsePositiveRate, human == 0 ? double.NaN : (double)report.RemovedHuman / human, report.Label);
            }
        }

        return outcome.Passed;
    }

    /// <summary>Scores the crawl and the run's held-out human documents with a zero-shot detector under the vendor's
    /// generation 0 or its base (and, for Binoculars, its latest generation), sets the threshold for the target false-positive rate
    /// on the held-out ones and reports it, its rate there and the ROC AUC on the crawl.</summary>
    private async Task<(double Threshold, Func<Document, double?> ScoreOf)> DetectorAsync(DetectorFilterSpec spec, string label,
        IReadOnlyList<Document> crawled, RowSink sink)
    {
        var context = _context!;
        List<DocumentContent> documents = [.. crawled.Select(d => d.Content), .. context.HeldOut];
        var observer = GrainFactory.GetGrain<IModelGenerationGrain>(_world.Generation(_vendor!.Name, 0));
        var perplexities = spec.Reference == DetectorReference.Base
            ? await observer.BasePerplexitiesAsync(documents)
            : await observer.PerplexitiesAsync(documents);
        var scores = perplexities.Select(p => Math.Log(p)).ToArray();
        if (spec.Score == DetectorScoreKind.Binoculars)
        {
            // The latest generation plays Binoculars' performer: its next-token distributions, seen by generation 0.
            var performer = GrainFactory.GetGrain<IModelGenerationGrain>(_world.Generation(_vendor.Name, _generation));
            var drawn = await performer.DrawNextTokensAsync(documents, DetectorDraws, _lastTrainedTick ?? 0);
            var cross = await observer.CrossEntropiesAsync(documents, drawn, DetectorDraws);
            scores = [.. scores.Select((s, i) => s / cross[i])];
        }

        var crawlScores = scores[..crawled.Count];
        var humanScores = scores[crawled.Count..];
        var threshold = DetectorThreshold.For(humanScores, spec.FalsePositiveRate);
        sink.Add(MetricNames.DetectorThreshold, threshold, label);
        sink.Add(MetricNames.DetectorHeldOutFalsePositiveRate, DetectorThreshold.FlaggedShare(humanScores, threshold), label);
        sink.Add(MetricNames.DetectorRocAuc, RocAuc.OfLowScores(crawlScores, [.. crawled.Select(d => d.Provenance.IsSynthetic)]), label);
        var byId = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < crawled.Count; i++)
        {
            byId[crawled[i].Id] = crawlScores[i];
        }

        return (threshold, d => byId.TryGetValue(d.Id, out var score) ? score : null);
    }

    /// <inheritdoc />
    public async Task<int> PublishAsync(int tick)
    {
        _fence.Ensure(this.GetPrimaryKeyString());
        _published = [];
        if (_generation < 0)
        {
            return 0;
        }

        var context = _context!;
        var deployment = _vendor!.Deployment;
        var length = deployment.DocumentLength ?? context.HumanDocumentLength;
        var decoding = _vendor.Decoding;
        var count = deployment.DocumentsAt(tick - _vendor.Release.First);
        var trainingPrompts = decoding.Prompts == PromptSource.Training && count > 0
            ? await CurrentGeneration.TrainingPromptsAsync(tick, count, decoding.PromptTokens)
            : null;
        if (trainingPrompts is { Count: 0 })
        {
            trainingPrompts = null;
        }

        var prompts = trainingPrompts?.Select(p => (p.SourceId, p.Content)).ToList() ?? Prompts(tick, count);
        var request = new SampleRequest(tick, count, length, decoding.Temperature, decoding.TopP, decoding.Beams, prompts?.Select(p => p.Content).ToList())
        {
            NoRepeatNgramSize = decoding.NoRepeatNgramSize,
            RepetitionPenalty = decoding.RepetitionPenalty,
            BeamSampling = decoding.BeamSampling,
        };
        var contents = await CurrentGeneration.SampleAsync(request);
        if (deployment.ParaphraseRate > 0)
        {
            var paraphraser = new TokenParaphraser(context.HumanUnigram, deployment.ParaphraseRate);
            var random = RandomStreams.For(context.Scenario.Seed, RandomKeys.Vendor(_replicate, _vendor.Name), tick, "paraphrase");
            contents = await Task.Run(() => contents.Select(c => DocumentContent.FromTokens(paraphraser.Paraphrase(c.Tokens, random))).ToList());
        }

        var documents = new List<Document>(contents.Count);
        for (var i = 0; i < contents.Count; i++)
        {
            // A continuation of a document it was trained on keeps that document's genre; other text is classified.
            var genre = trainingPrompts is not null && i < trainingPrompts.Count
                ? trainingPrompts[i].Genre
                : context.Classifier?.Predict(contents[i].Tokens) ?? "";
            var parent = prompts is null ? "" : prompts[i].SourceId;
            var watermark = context.WatermarkOf(_vendorIndex, i, tick)?.Key ?? "";
            var provenance = new Provenance(AuthorKind.Model, _vendor.Name, _vendor.Name, _generation, genre, context.Classifier is not null && trainingPrompts is null, parent, watermark);
            documents.Add(new Document(DocumentIds.Model(tick, _vendor.Name, _generation, i), tick, TickPhase.ModelsPublish, provenance, contents[i]));
        }

        await ShardWriter.AppendAsync(GrainFactory, _world, context.Scenario.Shards, documents);
        _published = documents;
        return documents.Count;
    }

    /// <inheritdoc />
    public async Task ReleaseAsync()
    {
        if (_vendor is not null)
        {
            await Task.WhenAll(Enumerable.Range(0, _generation + 1)
                .Select(g => GrainFactory.GetGrain<IModelGenerationGrain>(_world.Generation(_vendor.Name, g)).ReleaseAsync()));
            contexts.Release(_world.RunId);
        }

        await (_checkpoints ?? new VendorCheckpoints(state, blobs, this.GetPrimaryKeyString())).ClearAsync();

        _published = [];
        _trainingSets = null;
        DeactivateOnIdle();
    }

    /// <inheritdoc />
    public async Task<AssistedText> AssistAsync(int tick, string stream, IReadOnlyList<DocumentContent> prompts, int length)
    {
        _fence.Ensure(this.GetPrimaryKeyString());
        if (_generation < 0 || prompts.Count == 0 || length <= 0)
        {
            return new AssistedText(_generation, [], []);
        }

        var decoding = _context!.VendorAt(_vendorIndex, tick).Decoding;
        var request = new SampleRequest(tick, prompts.Count, length, decoding.Temperature, decoding.TopP, decoding.Beams, prompts, stream)
        {
            NoRepeatNgramSize = decoding.NoRepeatNgramSize,
            RepetitionPenalty = decoding.RepetitionPenalty,
            BeamSampling = decoding.BeamSampling,
        };
        var continuations = await CurrentGeneration.SampleAsync(request);
        var keys = Enumerable.Range(0, continuations.Count).Select(i => _context!.WatermarkOf(_vendorIndex, i, tick)?.Key ?? "").ToList();
        return new AssistedText(_generation, continuations, keys);
    }

    /// <inheritdoc />
    public async Task<VendorTickResult> MeasureAsync(int tick)
    {
        _fence.Ensure(this.GetPrimaryKeyString());
        // Training and publishing are over: what the tick changed is saved before the clock commits the tick.
        await _checkpoints!.SaveAsync(tick, Progress);
        if (_generation < 0)
        {
            return new VendorTickResult([], []);
        }

        var context = _context!;
        var rows = new List<MetricRow>(await CurrentGeneration.MeasureAsync(tick));
        rows.AddRange(_trainingRows);

        var sink = new RowSink(tick, _replicate, _vendor!.Name, Generation);
        if (context.IsText && _published.Count > 0)
        {
            var measured = MeasuredSample.Of(_published, context.Scenario.Metrics.DiversityDocuments, context.Scenario.Seed, RandomKeys.Vendor(_replicate, _vendor.Name), tick);
            var tokens = measured.Select(d => d.Content.Tokens).ToList();
            TextMeasurement.AddDiversity(sink, context, tokens, measured.Select(d => d.Provenance.Genre));
            var generationZero = GrainFactory.GetGrain<IModelGenerationGrain>(_world.Generation(_vendor.Name, 0));
            var perplexities = await generationZero.PerplexitiesAsync(measured.Select(d => d.Content).ToList());
            TextMeasurement.AddGenerationZeroPerplexity(sink, context.Scenario.Metrics.HistogramBins, perplexities);
            if (context.Watermarks[_vendorIndex] is { } watermark)
            {
                await Task.Run(() => WatermarkMeasurement.AddDetection(sink, context, watermark, _published));
            }
        }

        rows.AddRange(sink.Rows);
        var samples = _published
            .Take(context.Scenario.Metrics.SamplesPerTick)
            .Select(d => new SampledDocument(_replicate, d.Id, tick, d.Provenance, context.Decode(d.Content.Tokens), d.Content.Values))
            .ToList();
        return new VendorTickResult(rows, samples);
    }

    private VendorProgress Progress => new(_generation, _lastTrainedTick, _trainingSets ?? new TrainingSetBuilder());

    private async Task AttachAsync(RunSpec spec, int replicate, int vendorIndex)
    {
        if (_context is null)
        {
            _context = await contexts.GetAsync(spec);
            _vendor = _context.Scenario.Vendors[vendorIndex];
            _world = new WorldAddress(spec.RunId, replicate);
            _replicate = replicate;
            _vendorIndex = vendorIndex;
            _trainingSets ??= new TrainingSetBuilder();
        }
    }

    /// <summary>Only transformers use an accelerator; every other family runs anywhere.</summary>
    private static string DeviceRequest(ModelSpec model) => model.Family == ModelFamilyKind.Transformer
        ? model.Transformer.Device.ToString().ToLowerInvariant()
        : "cpu";

    private IModelGenerationGrain CurrentGeneration => GrainFactory.GetGrain<IModelGenerationGrain>(_world.Generation(_vendor!.Name, _generation));

    private string Generation => _generation.ToString(CultureInfo.InvariantCulture);

    /// <summary>Real prompts for this tick's documents: the first tokens of training documents drawn without
    /// replacement (with replacement only when more prompts are needed than the split holds); null without prompts.</summary>
    private List<(string SourceId, DocumentContent Content)>? Prompts(int tick, int count)
    {
        var context = _context!;
        if (_vendor!.Decoding.Prompts != PromptSource.Human || context.Corpus is not { } corpus || count == 0)
        {
            return null;
        }

        var random = RandomStreams.For(context.Scenario.Seed, RandomKeys.Vendor(_replicate, _vendor.Name), tick, "prompts");
        var order = Enumerable.Range(0, corpus.Train.Count).ToArray();
        random.Shuffle(order);
        var promptTokens = _vendor.Decoding.PromptTokens;
        return Enumerable.Range(0, count)
            .Select(i => corpus.Train[i < order.Length ? order[i] : random.Next(order.Length)])
            .Select(d => (d.Id, DocumentContent.FromTokens(d.Tokens.Length > promptTokens ? d.Tokens[..promptTokens] : d.Tokens)))
            .ToList();
    }

    /// <summary>Tokens drawn per position for a Binoculars cross-entropy: its Monte-Carlo error over a 128-token
    /// document is well under the spread of the scores between documents.</summary>
    private const int DetectorDraws = 8;

    private List<Document> FreshHumanDocuments(int tick, Random random)
    {
        var count = _vendor!.Training.FreshHumanDocuments;
        var context = _context!;
        var documents = new List<Document>(count);
        for (var i = 0; i < count; i++)
        {
            Provenance provenance;
            DocumentContent content;
            if (context.Corpus is { } corpus)
            {
                var source = corpus.Train[random.Next(corpus.Train.Count)];
                provenance = new Provenance(AuthorKind.Human, CrawlerOptOuts.LicensedAuthor, "", -1, source.Genre, false, source.Id);
                content = DocumentContent.FromTokens(source.Tokens);
            }
            else
            {
                provenance = new Provenance(AuthorKind.Human, CrawlerOptOuts.LicensedAuthor, "", -1, "", false, "");
                content = context.Truth!.Sample(context.Scenario.Humans.DocumentLength, random);
            }

            documents.Add(new Document(DocumentIds.Fresh(tick, _vendor.Name, i), tick, TickPhase.VendorsTrain, provenance, content));
        }

        return documents;
    }
}
