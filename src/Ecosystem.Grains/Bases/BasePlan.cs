using Ecosystem.Abstractions.Corpus;
using Ecosystem.Corpus;
using Ecosystem.Grains.Runs;
using Ecosystem.Models.Transformer.Bases;
using Ecosystem.Scenarios;

namespace Ecosystem.Grains.Bases;

/// <summary>What a vendor's <c>model.base</c> is trained on and with: the recipe (whose key names the cached base)
/// and the token documents.</summary>
/// <param name="Recipe">Everything that determines the base.</param>
/// <param name="Documents">The base's training documents, one context-length block each.</param>
public sealed record BasePlan(BaseModelRecipe Recipe, IReadOnlyList<DocumentContent> Documents)
{
    /// <summary>Loads the base corpus of <paramref name="vendor"/> and makes its plan. With the scenario's own source
    /// the base trains on the whole training split (every genre, no maxDocuments cut) and leaves out every source
    /// text the scenario holds out, whatever the document lengths; another source is used whole.</summary>
    public static async Task<BasePlan> LoadAsync(Scenario scenario, VendorSpec vendor, HumanCorpusLoader loader, CancellationToken cancellationToken = default)
    {
        var spec = vendor.Model.Base ?? throw new ArgumentException($"Vendor '{vendor.Name}' has no model.base.", nameof(vendor));
        var settings = vendor.Model.Transformer;
        var text = scenario.Data.Text;
        var ownSource = spec.Source is null || (spec.Source == text.Source && spec.Path == text.Path);
        var source = spec.Source ?? text.Source;
        var path = spec.Source is null ? text.Path : spec.Path;
        var options = new CorpusOptions(KindOf(source), path, settings.Context, ownSource ? text.HeldOutFraction : 0, Genres: spec.Genres);
        var corpus = await loader.LoadAsync(options, cancellationToken: cancellationToken).ConfigureAwait(false);

        IEnumerable<HumanTextDocument> documents = corpus.Train;
        var description = $"{source.ToString().ToLowerInvariant()} ({settings.Context}-token documents" +
                          (spec.Genres is { } genres ? $", genres {string.Join(", ", genres)}" : "");
        if (ownSource)
        {
            var scenarioCorpus = await loader.LoadAsync(RunContext.CorpusOptionsOf(scenario), cancellationToken: cancellationToken).ConfigureAwait(false);
            var heldOut = scenarioCorpus.HeldOut.Select(d => d.SourceId).ToHashSet(StringComparer.Ordinal);
            documents = documents.Where(d => !heldOut.Contains(d.SourceId));
            description += $", the scenario's held-out fraction {text.HeldOutFraction} left out";
        }

        var chosen = EvenlySpaced(documents.ToList(), spec.MaxTokens);
        var tokens = chosen.Select(d => d.Tokens).ToList();
        var recipe = new BaseModelRecipe(
            settings with { Epochs = spec.Epochs, LearningRate = spec.LearningRate },
            TextTokenizer.Shared.VocabularySize,
            description + ")",
            BaseModelRecipe.Fingerprint(tokens),
            tokens.Count,
            tokens.Sum(t => (long)t.Length),
            spec.Seed);
        return new BasePlan(recipe, tokens.Select(DocumentContent.FromTokens).ToList());
    }

    /// <summary>Documents spread evenly over the canonical (genre, id) order until <paramref name="maxTokens"/>, so a
    /// capped base still sees every genre.</summary>
    private static IReadOnlyList<HumanTextDocument> EvenlySpaced(IReadOnlyList<HumanTextDocument> documents, long? maxTokens)
    {
        if (maxTokens is not { } cap || documents.Sum(d => (long)d.Tokens.Length) <= cap || documents.Count == 0)
        {
            return documents;
        }

        var perDocument = documents.Average(d => (double)d.Tokens.Length);
        var count = (int)Math.Max(1, Math.Min(documents.Count, Math.Floor(cap / perDocument)));
        return Enumerable.Range(0, count).Select(i => documents[(int)((long)i * documents.Count / count)]).ToList();
    }

    private static CorpusSourceKind KindOf(TextSource source) => source switch
    {
        TextSource.Brown => CorpusSourceKind.Brown,
        TextSource.Folder => CorpusSourceKind.Folder,
        _ => CorpusSourceKind.Jsonl,
    };
}
