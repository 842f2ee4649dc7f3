using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Corpus;
using Ecosystem.Metrics;
using Ecosystem.Models;
using Ecosystem.Scenarios;

namespace Ecosystem.Grains.Runs;

/// <summary>What the grains of one run share on a silo: the parsed scenario, the human corpus or true distribution,
/// the author roster, and the reference tools of measurement (tokenizer, genre classifier, tail-mass reference).</summary>
/// <remarks>Everything is derived deterministically from the scenario, so every silo builds the same context.</remarks>
public sealed class RunContext
{
    private readonly Lazy<HumanCorpus?> _corpus;
    private readonly Lazy<AuthorRoster> _roster;
    private readonly Lazy<GenreClassifier?> _classifier;
    private readonly Lazy<TailMass?> _tailMass;
    private readonly Lazy<IReadOnlyList<DocumentContent>> _heldOut;

    /// <summary>Builds the context of <paramref name="spec"/>'s run; heavy parts load on first use.</summary>
    public RunContext(RunSpec spec)
    {
        Spec = spec;
        Scenario = ScenarioLoader.Parse(spec.ScenarioJson, $"run {spec.RunId}");
        IsText = Scenario.Data.Kind == DataKind.Text;
        Truth = TrueDistributions.From(Scenario.Data);
        _corpus = new Lazy<HumanCorpus?>(() => IsText ? HumanCorpusLoader.Load(CorpusOptionsOf(Scenario)) : null);
        _roster = new Lazy<AuthorRoster>(() => AuthorRoster.Build(Scenario, Corpus));
        _classifier = new Lazy<GenreClassifier?>(() => Corpus is { } corpus
            ? GenreClassifier.Train(corpus.Train.Select(d => new GenreExample(d.Genre, d.Tokens)))
            : null);
        _tailMass = new Lazy<TailMass?>(() => Corpus is { } corpus
            ? new TailMass(corpus.Train.Select(d => d.Tokens).ToList(), Scenario.Metrics.TailTopK)
            : null);
        _heldOut = new Lazy<IReadOnlyList<DocumentContent>>(() => SelectHeldOut(Corpus, Scenario.Metrics.HeldOutDocuments));
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
    public HumanCorpus? Corpus => _corpus.Value;

    /// <summary>Which author publishes which documents.</summary>
    public AuthorRoster Roster => _roster.Value;

    /// <summary>Infers the genre of generated text; null unless the data is text.</summary>
    public GenreClassifier? Classifier => _classifier.Value;

    /// <summary>The human head vocabulary for tail mass; null unless the data is text.</summary>
    public TailMass? TailMass => _tailMass.Value;

    /// <summary>Held-out human documents used for perplexity (never published); empty unless the data is text.</summary>
    public IReadOnlyList<DocumentContent> HeldOut => _heldOut.Value;

    /// <summary>Units (tokens or values) of a human document.</summary>
    public int HumanDocumentLength => IsText ? Scenario.Data.Text.DocumentTokens : Scenario.Humans.DocumentLength;

    /// <summary>Genres of the corpus, sorted; empty for theory data.</summary>
    public IReadOnlyList<string> Genres => Corpus?.Genres ?? [];

    /// <summary>Turns token ids back into text (empty for theory data).</summary>
    public string Decode(int[] tokens) => IsText ? TextTokenizer.Shared.Decode(tokens) : "";

    private static CorpusOptions CorpusOptionsOf(Scenario scenario)
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

    private static IReadOnlyList<DocumentContent> SelectHeldOut(HumanCorpus? corpus, int? limit)
    {
        if (corpus is null)
        {
            return [];
        }

        var all = corpus.HeldOut;
        var count = limit is { } l ? Math.Min(l, all.Count) : all.Count;

        // Evenly spaced over the canonical (genre, id) order keeps every genre represented.
        return Enumerable.Range(0, count)
            .Select(i => DocumentContent.FromTokens(all[(int)((long)i * all.Count / count)].Tokens))
            .ToList();
    }
}
