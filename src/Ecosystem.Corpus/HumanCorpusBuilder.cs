using System.Diagnostics;
using System.Globalization;

namespace Ecosystem.Corpus;

/// <summary>Turns source texts into a <see cref="HumanCorpus"/>: genre filter, tokenization, chunking, held-out split, subset.</summary>
public static class HumanCorpusBuilder
{
    /// <summary>Builds the corpus; <paramref name="origin"/> names the source in error messages.</summary>
    public static HumanCorpus Build(
        IReadOnlyList<SourceText> sources,
        CorpusOptions options,
        TextTokenizer tokenizer,
        string origin,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tokenizer);
        options.Validate();

        var duplicate = sources.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"{origin} has more than one source text with id '{duplicate.Key}'.", nameof(sources));
        }

        var selected = FilterGenres(sources, options.Genres, origin);
        var chunked = Tokenize(selected, options.DocumentTokens, tokenizer, progress, cancellationToken);

        var usable = chunked.Where(c => c.Chunks.Count > 0).ToArray();
        if (usable.Length == 0)
        {
            throw new InvalidOperationException(
                $"{origin} has no source text of at least {options.DocumentTokens} tokens, so it yields no documents; " +
                "add text or lower DocumentTokens.");
        }

        var heldOutIds = HeldOutSplitter.SelectHeldOut(usable.Select(c => c.Source), options.HeldOutFraction, options.SplitSeed);
        var train = new List<HumanTextDocument>();
        var heldOut = new List<HumanTextDocument>();
        foreach (var (source, chunks) in usable)
        {
            var target = heldOutIds.Contains(source.Id) ? heldOut : train;

            // One width per source keeps its chunk ids in numeric order when sorted as strings.
            var width = Math.Max(3, (chunks.Count - 1).ToString(CultureInfo.InvariantCulture).Length);
            for (var i = 0; i < chunks.Count; i++)
            {
                var index = i.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
                target.Add(new HumanTextDocument($"{source.Id}#{index}", source.Genre, chunks[i]));
            }
        }

        IReadOnlyList<HumanTextDocument> canonicalTrain = Canonical(train);
        if (options.MaxDocuments is { } max)
        {
            canonicalTrain = StratifiedSubset.Select(canonicalTrain, max, options.SplitSeed);
        }

        var corpus = new HumanCorpus(options, canonicalTrain, Canonical(heldOut), tokenizer.VocabularySize);
        progress?.Report(
            $"Human corpus from {origin}: {corpus.Train.Count} training documents ({corpus.TrainTokenCount} tokens), " +
            $"{corpus.HeldOut.Count} held-out documents ({corpus.HeldOutTokenCount} tokens), {corpus.Genres.Count} genres.");
        return corpus;
    }

    private static IReadOnlyList<SourceText> FilterGenres(IReadOnlyList<SourceText> sources, IReadOnlyList<string>? genres, string origin)
    {
        if (genres is null)
        {
            return sources;
        }

        var available = sources.Select(s => s.Genre).ToHashSet(StringComparer.Ordinal);
        var unknown = genres.Where(g => !available.Contains(g)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException(
                $"{origin} has no genre {string.Join(", ", unknown.Select(g => $"'{g}'"))}; " +
                $"its genres are: {string.Join(", ", available.Order(StringComparer.Ordinal))}.",
                nameof(genres));
        }

        var wanted = genres.ToHashSet(StringComparer.Ordinal);
        return sources.Where(s => wanted.Contains(s.Genre)).ToArray();
    }

    private static (SourceText Source, IReadOnlyList<int[]> Chunks)[] Tokenize(
        IReadOnlyList<SourceText> sources,
        int documentTokens,
        TextTokenizer tokenizer,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        progress?.Report($"Tokenizing {sources.Count} source texts…");
        var results = new (SourceText, IReadOnlyList<int[]>)[sources.Count];
        long tokens = 0;

        // Results go to fixed slots, so the outcome does not depend on which thread finishes first.
        Parallel.For(
            0,
            sources.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            i =>
            {
                var ids = tokenizer.Encode(sources[i].Text);
                Interlocked.Add(ref tokens, ids.Length);
                results[i] = (sources[i], DocumentChunker.Chunk(ids, documentTokens));
            });

        progress?.Report($"Tokenized {sources.Count} source texts into {tokens} tokens in {stopwatch.Elapsed.TotalSeconds:F1} s.");
        return results;
    }

    private static HumanTextDocument[] Canonical(IEnumerable<HumanTextDocument> documents) => documents
        .OrderBy(d => d.Genre, StringComparer.Ordinal)
        .ThenBy(d => d.Id, StringComparer.Ordinal)
        .ToArray();
}
