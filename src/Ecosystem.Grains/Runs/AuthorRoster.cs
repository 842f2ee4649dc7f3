using Ecosystem.Abstractions;
using Ecosystem.Corpus;
using Ecosystem.Scenarios;

namespace Ecosystem.Grains.Runs;

/// <summary>Which genre each human author writes in and which real documents are theirs to publish, in order.</summary>
/// <remarks>Authors are apportioned to genres in proportion to the genre's training documents (largest remainder,
/// at least one per genre when there are enough authors); each genre's documents are shuffled with a fixed seed and
/// dealt out in turn, so every author's queue is deterministic and no document is published twice.</remarks>
public sealed class AuthorRoster
{
    private readonly string[] _genres;
    private readonly int[][] _queues;

    private AuthorRoster(string[] genres, int[][] queues)
    {
        _genres = genres;
        _queues = queues;
    }

    /// <summary>Number of authors.</summary>
    public int Count => _genres.Length;

    /// <summary>The genre author <paramref name="author"/> writes in ("" for theory data).</summary>
    public string GenreOf(int author) => _genres[author];

    /// <summary>Indices into the training corpus of the documents author <paramref name="author"/> publishes, in order.</summary>
    public IReadOnlyList<int> QueueOf(int author) => _queues[author];

    /// <summary>Builds the roster for a scenario; <paramref name="corpus"/> is null for theory data.</summary>
    public static AuthorRoster Build(Scenario scenario, HumanCorpus? corpus)
    {
        var authors = scenario.Humans.Authors;
        if (corpus is null)
        {
            return new AuthorRoster(Enumerable.Repeat("", authors).ToArray(), Enumerable.Repeat(Array.Empty<int>(), authors).ToArray());
        }

        if (scenario.Humans.GenreRates?.Keys.FirstOrDefault(g => !corpus.Genres.Contains(g)) is { } unknown)
        {
            throw new InvalidDataException(
                $"humans.genreRates: \"{unknown}\" is not a genre of the corpus; its genres are {string.Join(", ", corpus.Genres.Select(g => $"\"{g}\""))}.");
        }

        var byGenre = corpus.Genres
            .Select(g => (Genre: g, Documents: Enumerable.Range(0, corpus.Train.Count).Where(i => corpus.Train[i].Genre == g).ToArray()))
            .Where(g => g.Documents.Length > 0)
            .ToList();
        var counts = Apportion(authors, byGenre.Select(g => g.Documents.Length).ToArray());

        var genres = new List<string>(authors);
        var queues = new List<int[]>(authors);
        for (var g = 0; g < byGenre.Count; g++)
        {
            var (genre, documents) = byGenre[g];
            var shuffled = (int[])documents.Clone();
            var random = RandomStreams.For(0, $"roster/{genre}", 0, "shuffle");
            random.Shuffle(shuffled);
            for (var a = 0; a < counts[g]; a++)
            {
                genres.Add(genre);
                queues.Add(shuffled.Where((_, i) => i % counts[g] == a).ToArray());
            }
        }

        return new AuthorRoster([.. genres], [.. queues]);
    }

    private static int[] Apportion(int total, int[] weights)
    {
        var result = new int[weights.Length];
        var floor = total >= weights.Length ? 1 : 0;
        var remaining = total - floor * weights.Length;
        var sum = (double)weights.Sum();
        var remainders = new double[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = remaining * weights[i] / sum;
            result[i] = floor + (int)Math.Floor(exact);
            remainders[i] = exact - Math.Floor(exact);
        }

        var left = total - result.Sum();
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(left))
        {
            result[i]++;
        }

        return result;
    }
}
