using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Corpus;
using Ecosystem.Filtering;
using Ecosystem.Metrics;
using Ecosystem.Models;
using Ecosystem.Scenarios;
using Ecosystem.Watermarking;

namespace Ecosystem.Grains.Runs;

/// <summary>What the grains of one run share on a silo: the parsed scenario, the human corpus or true distribution,
/// the author roster, and the reference tools of measurement (tokenizer, genre classifier, tail-mass reference).</summary>
/// <remarks>Everything is derived deterministically from the scenario, so every silo builds the same context.</remarks>
public sealed class RunContext
{
    private readonly Lazy<UnigramDistribution> _humanUnigram;
    private readonly IReadOnlyList<DocumentContent> _validationPool;

    private RunContext(RunSpec spec, Scenario scenario, HumanCorpus? corpus)
    {
        Spec = spec;
        Scenario = scenario;
        Corpus = corpus;
        IsText = scenario.Data.Kind == DataKind.Text;
        Truth = TrueDistributions.From(scenario.Data);
        Roster = AuthorRoster.Build(scenario, corpus);
        Timeline = new ScenarioTimeline(scenario);
        if (corpus is not null)
        {
            Classifier = GenreClassifier.Train(corpus.Train.Select(d => new GenreExample(d.Genre, d.Tokens)));
            TailMass = new TailMass(corpus.Train.Select(d => d.Tokens).ToList(), scenario.Metrics.TailTopK);
            GenreMarkers = GenreMarkers.Build(corpus.Train.Select(d => (d.Genre, d.Tokens)));
        }

        (HeldOut, HeldOutGenres) = SelectHeldOut(corpus, scenario.Metrics.HeldOutDocuments);
        _validationPool = ValidationPool(corpus, scenario.Metrics.HeldOutDocuments);
        CheckValidationDocuments(spec, scenario, _validationPool.Count);
        Watermarks = scenario.Vendors
            .Select(v => v.Watermark is { } w ? new GreenListWatermark(w.Key ?? v.Name, w.Gamma, w.Delta) : null)
            .ToList();
        Detector = new WatermarkDetector(Watermarks.OfType<GreenListWatermark>().Distinct().ToList());
        OptOuts = scenario.Humans.OptOut is { } optOut
            ? new CrawlerOptOuts(scenario.Seed, optOut.Share, optOut.GrowthPerTick,
                optOut.Genres?.ToDictionary(g => g.Key, g => (g.Value.Share, g.Value.GrowthPerTick), StringComparer.Ordinal))
            : null;
        _humanUnigram = new Lazy<UnigramDistribution>(() =>
        {
            var counts = UnigramCounts.From(corpus!.Train.Select(d => d.Tokens).ToList());
            return new UnigramDistribution(counts.Tokens, counts.Counts);
        });
    }

    /// <summary>The run's id and scenario JSON.</summary>
    public RunSpec Spec { get; }

    /// <summary>The parsed scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>True when humans write text (and models are language models).</summary>
    public bool IsText { get; }

    /// <summary>The true distribution of the theory data kinds; null for text.</summary>
    public TrueDistribution? Truth { get; }

    /// <summary>The human corpus (train and held-out split); null unless the data is text.</summary>
    public HumanCorpus? Corpus { get; }

    /// <summary>Which author publishes which documents.</summary>
    public AuthorRoster Roster { get; }

    /// <summary>Infers the genre of generated text; null unless the data is text.</summary>
    public GenreClassifier? Classifier { get; }

    /// <summary>The human head vocabulary for tail mass; null unless the data is text.</summary>
    public TailMass? TailMass { get; }

    /// <summary>Each genre's distinctive vocabulary in the human training split; null for theory data.</summary>
    public GenreMarkers? GenreMarkers { get; }

    /// <summary>Held-out human documents used for perplexity (never published); empty unless the data is text.</summary>
    public IReadOnlyList<DocumentContent> HeldOut { get; }

    /// <summary>Vendor <paramref name="vendorIndex"/>'s validation documents (training.validationDocuments of them,
    /// evenly spaced over the held-out documents the metrics do not use); empty when it keeps its last epoch.</summary>
    public IReadOnlyList<DocumentContent> ValidationFor(int vendorIndex)
    {
        var count = Scenario.Vendors[vendorIndex].Training.ValidationDocuments;
        return EvenlySpaced(_validationPool, Math.Min(count, _validationPool.Count));
    }

    /// <summary>The genre of each held-out document (same order as <see cref="HeldOut"/>).</summary>
    public IReadOnlyList<string> HeldOutGenres { get; }

    /// <summary>Each vendor's watermark, by vendor index; null for a vendor that does not watermark.</summary>
    public IReadOnlyList<GreenListWatermark?> Watermarks { get; }

    /// <summary>The detector of scrape filters and measurement: it knows every watermarking vendor's key (none when no
    /// vendor watermarks, and then it flags nothing).</summary>
    public WatermarkDetector Detector { get; }

    /// <summary>The authors' opt-outs of AI training; null when nobody opts out.</summary>
    public CrawlerOptOuts? OptOuts { get; }

    /// <summary>True when some vendor watermarks, so that detection is measured.</summary>
    public bool HasWatermarks => Detector.Watermarks.Count > 0;

    /// <summary>The human unigram distribution of the training split: paraphrases draw rewritten tokens from it.</summary>
    public UnigramDistribution HumanUnigram => _humanUnigram.Value;

    /// <summary>The watermark of the <paramref name="documentIndex"/>-th document of a batch that vendor
    /// <paramref name="vendorIndex"/> publishes, or null when that document carries none (see <see cref="WatermarkAdoption"/>).</summary>
    public GreenListWatermark? WatermarkOf(int vendorIndex, int documentIndex, int tick) =>
        Watermarks[vendorIndex] is { } watermark && WatermarkAdoption.IsWatermarked(documentIndex, VendorAt(vendorIndex, tick).Watermark!.Adoption)
            ? watermark
            : null;

    /// <summary>The scenario in force at each tick (policies may change during the run).</summary>
    public ScenarioTimeline Timeline { get; }

    /// <summary>Vendor <paramref name="vendorIndex"/>'s policies in force at <paramref name="tick"/>.</summary>
    public VendorSpec VendorAt(int vendorIndex, int tick) => Timeline.At(tick).Vendors[vendorIndex];

    /// <summary>True when a policy of vendor <paramref name="vendorIndex"/> keeps a share of its original human data at
    /// some tick of the run.</summary>
    public bool EverKeepsHumanData(int vendorIndex) => Timeline.InForce.Any(s => s.Vendors[vendorIndex].Training.KeepHumanFraction > 0);

    /// <summary>Units (tokens or values) of a human document.</summary>
    public int HumanDocumentLength => IsText ? Scenario.Data.Text.DocumentTokens : Scenario.Humans.DocumentLength;

    /// <summary>Genres of the corpus, sorted; empty for theory data.</summary>
    public IReadOnlyList<string> Genres => Corpus?.Genres ?? [];

    /// <summary>Turns token ids back into text (empty for theory data).</summary>
    public string Decode(int[] tokens) => IsText ? TextTokenizer.Shared.Decode(tokens) : "";

    /// <summary>Parses the scenario and loads everything the run needs. Call it on the thread pool: it reads and
    /// tokenizes the corpus and trains the genre classifier.</summary>
    public static async Task<RunContext> LoadAsync(RunSpec spec, CancellationToken cancellationToken = default)
    {
        var scenario = ScenarioLoader.Parse(spec.ScenarioJson, $"run {spec.RunId}");
        var corpus = scenario.Data.Kind == DataKind.Text
            ? await HumanCorpusLoader.Shared.LoadAsync(CorpusOptionsOf(scenario), cancellationToken: cancellationToken).ConfigureAwait(false)
            : null;
        return new RunContext(spec, scenario, corpus);
    }

    /// <summary>The corpus options of the scenario's text data.</summary>
    public static CorpusOptions CorpusOptionsOf(Scenario scenario)
    {
        var text = scenario.Data.Text;
        var source = text.Source switch
        {
            TextSource.Brown => CorpusSourceKind.Brown,
            TextSource.Folder => CorpusSourceKind.Folder,
            _ => CorpusSourceKind.Jsonl,
        };

        // The split is part of the world, not of the run's randomness: it uses a fixed seed so that changing the
        // scenario seed never moves documents between train and held-out.
        return new CorpusOptions(source, text.Path, text.DocumentTokens, text.HeldOutFraction, SplitSeed: 0, text.Genres, text.MaxDocuments);
    }

    private static (IReadOnlyList<DocumentContent> Documents, IReadOnlyList<string> Genres) SelectHeldOut(HumanCorpus? corpus, int? limit)
    {
        if (corpus is null)
        {
            return ([], []);
        }

        var chosen = EvenlySpaced(corpus.HeldOut, HeldOutCount(corpus, limit));
        return (chosen.Select(d => DocumentContent.FromTokens(d.Tokens)).ToList(), chosen.Select(d => d.Genre).ToList());
    }

    private static int HeldOutCount(HumanCorpus corpus, int? limit) => limit is { } l ? Math.Min(l, corpus.HeldOut.Count) : corpus.HeldOut.Count;

    // Evenly spaced over the canonical (genre, id) order keeps every genre represented.
    private static List<T> EvenlySpaced<T>(IReadOnlyList<T> all, int count) => EvenlySpacedIndices(all.Count, count).Select(i => all[i]).ToList();

    private static IEnumerable<int> EvenlySpacedIndices(int total, int count) =>
        Enumerable.Range(0, count).Select(i => (int)((long)i * total / count));

    // The held-out documents the metrics leave out, in canonical order: validation never touches the test set.
    private static IReadOnlyList<DocumentContent> ValidationPool(HumanCorpus? corpus, int? limit)
    {
        if (corpus is null)
        {
            return [];
        }

        var used = new HashSet<int>(EvenlySpacedIndices(corpus.HeldOut.Count, HeldOutCount(corpus, limit)));
        return Enumerable.Range(0, corpus.HeldOut.Count)
            .Where(i => !used.Contains(i))
            .Select(i => DocumentContent.FromTokens(corpus.HeldOut[i].Tokens))
            .ToList();
    }

    private static void CheckValidationDocuments(RunSpec spec, Scenario scenario, int available)
    {
        var errors = scenario.Vendors
            .Select((vendor, index) => (vendor.Training.ValidationDocuments, index))
            .Where(v => v.ValidationDocuments > available)
            .Select(v => new ScenarioError(
                $"$.vendors[{v.index}].training.validationDocuments",
                $"found {v.ValidationDocuments}, but the held-out split has {available} documents beyond the metrics' held-out ones; " +
                $"allowed: 0 to {available} (lower metrics.heldOutDocuments or raise data.text.heldOutFraction for more)"))
            .ToList();
        if (errors.Count > 0)
        {
            throw new ScenarioValidationException($"run {spec.RunId}", errors);
        }
    }
}
