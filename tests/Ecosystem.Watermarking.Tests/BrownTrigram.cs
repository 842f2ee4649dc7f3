using Ecosystem.Abstractions.Corpus;
using Ecosystem.Corpus;
using Ecosystem.Models;

namespace Ecosystem.Watermarking.Tests;

/// <summary>A trigram model fitted once to the Brown training split (200-token documents), with the held-out split
/// beside it as human text the watermark never saw.</summary>
public sealed class BrownTrigram : IAsyncLifetime
{
    /// <summary>Tokens per document, as in the paper's detection experiments (T = 200).</summary>
    public const int DocumentTokens = 200;

    /// <summary>The fitted model.</summary>
    public IGenerativeModel Model { get; private set; } = null!;

    /// <summary>The corpus (training and held-out split).</summary>
    public HumanCorpus Corpus { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Corpus = await HumanCorpusLoader.Shared.LoadAsync(new CorpusOptions(CorpusSourceKind.Brown, DocumentTokens: DocumentTokens));
        Model = new NGramFamily(3, 0.75, TextTokenizer.Shared.VocabularySize)
            .Fit(Corpus.Train.Select(d => DocumentContent.FromTokens(d.Tokens)).ToList(), new Random(0));
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;
}
