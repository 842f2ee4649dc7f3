using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Filtering;

/// <summary>A crawl cut-off date: nothing published after <paramref name="lastTick"/> is kept.</summary>
public sealed class CutoffFilter(int lastTick) : IScrapeFilter
{
    /// <inheritdoc />
    public string Kind => "cutoff";

    /// <inheritdoc />
    public bool[] Passes(IReadOnlyList<Document> documents) => documents.Select(d => d.Tick <= lastTick).ToArray();
}
