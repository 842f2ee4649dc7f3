using System.Collections.Concurrent;

namespace Ecosystem.Corpus;

/// <summary>Loads a <see cref="HumanCorpus"/> from the source that options name, once per options per loader.</summary>
/// <remarks>Several grains and tests ask for the same corpus; <see cref="Shared"/> hands them all the same instance.
/// A load that fails or is cancelled is forgotten, so the next call tries again.</remarks>
public sealed class HumanCorpusLoader
{
    private readonly string? _cacheDirectory;
    private readonly TextTokenizer? _tokenizer;
    private readonly ConcurrentDictionary<string, Lazy<Task<HumanCorpus>>> _loads = new(StringComparer.Ordinal);

    /// <summary>A loader that uses <paramref name="cacheDirectory"/> (default: <see cref="CorpusCache.ResolveDirectory()"/>)
    /// and <paramref name="tokenizer"/> (default: <see cref="TextTokenizer.Shared"/>).</summary>
    public HumanCorpusLoader(string? cacheDirectory = null, TextTokenizer? tokenizer = null)
    {
        _cacheDirectory = cacheDirectory;
        _tokenizer = tokenizer;
    }

    /// <summary>The process-wide loader.</summary>
    public static HumanCorpusLoader Shared { get; } = new();

    /// <summary>The corpus for <paramref name="options"/>; equal options (see <see cref="CorpusOptions.CanonicalKey"/>) share one instance.</summary>
    /// <remarks>Progress goes to the caller that starts a load; callers that join a running load get only its result.</remarks>
    public async Task<HumanCorpus> LoadAsync(CorpusOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var key = options.CanonicalKey();
        while (true)
        {
            var load = _loads.GetOrAdd(key, _ => new Lazy<Task<HumanCorpus>>(() => LoadUncachedAsync(options, progress, cancellationToken)));
            try
            {
                return await load.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Another caller's cancellation ended the shared load; forget it and load for this caller.
                _loads.TryRemove(new KeyValuePair<string, Lazy<Task<HumanCorpus>>>(key, load));
            }
            catch
            {
                // A load still running (this caller merely stopped waiting) stays shared; a cancelled one left behind
                // is retried by the next caller through the branch above.
                if (load.Value.IsFaulted)
                {
                    _loads.TryRemove(new KeyValuePair<string, Lazy<Task<HumanCorpus>>>(key, load));
                }

                throw;
            }
        }
    }

    /// <summary>Loads the corpus without consulting or filling the memo.</summary>
    public async Task<HumanCorpus> LoadUncachedAsync(CorpusOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var reader = await CreateReaderAsync(options, progress, cancellationToken).ConfigureAwait(false);
        var tokenizer = _tokenizer ?? TextTokenizer.Shared;

        // Reading and tokenizing are CPU and disk bound; keep them off the caller's scheduler (an Orleans grain's, say).
        return await Task.Run(
            () =>
            {
                var sources = reader.Read(progress, cancellationToken);
                return HumanCorpusBuilder.Build(sources, options, tokenizer, reader.Origin, progress, cancellationToken);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<ICorpusReader> CreateReaderAsync(CorpusOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        switch (options.Source)
        {
            case CorpusSourceKind.Brown when !string.IsNullOrWhiteSpace(options.Path):
                return new BrownCorpusReader(options.Path);
            case CorpusSourceKind.Brown:
                var fetcher = new BrownCorpusFetcher(_cacheDirectory ?? CorpusCache.ResolveDirectory());
                return new BrownCorpusReader(await fetcher.EnsureAsync(progress, cancellationToken).ConfigureAwait(false));
            case CorpusSourceKind.Folder:
                return new FolderCorpusReader(options.Path!);
            case CorpusSourceKind.Jsonl:
                return new JsonlCorpusReader(options.Path!);
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Source, "Unknown corpus source.");
        }
    }
}
