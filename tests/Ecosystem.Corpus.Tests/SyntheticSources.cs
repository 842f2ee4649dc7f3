namespace Ecosystem.Corpus.Tests;

/// <summary>Small made-up corpora with distinct text per source, so chunks can be traced back to their source.</summary>
internal static class SyntheticSources
{
    public static IReadOnlyList<SourceText> Make(params (string Genre, int Sources, int Words)[] genres) =>
        genres.SelectMany(g => Enumerable.Range(0, g.Sources).Select(i => new SourceText(
                $"test/{g.Genre}{i:D2}",
                g.Genre,
                string.Join(" ", Enumerable.Range(0, g.Words).Select(j => $"{g.Genre}{i}w{j}.")))))
            .ToArray();
}
