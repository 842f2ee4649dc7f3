using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Filtering;

/// <summary>Removes documents a zero-shot detector scores below its threshold (taken for machine text).</summary>
/// <param name="threshold">Scores below it are removed (see <see cref="DetectorThreshold"/>).</param>
/// <param name="scoreOf">A document's score; null when there is no reference model yet, and then it passes.</param>
public sealed class DetectorFilter(double threshold, Func<Document, double?> scoreOf) : IScrapeFilter
{
    /// <inheritdoc />
    public string Kind => "detector";

    /// <inheritdoc />
    public bool[] Passes(IReadOnlyList<Document> documents) =>
        [.. documents.Select(d => scoreOf(d) is not { } score || score >= threshold)];
}
