using Ecosystem.Abstractions;
using Ecosystem.Corpus;
using Ecosystem.Scenarios;

namespace Ecosystem.Grains.Runs;

/// <summary>Which genre each human author writes in and which real documents are theirs to publish, in order.</summary>
/// <remarks>Authors are apportioned to genres in proportion to the genre's training documents (largest remainder,
/// at least one per genre when there are enough authors); each genre's documents are shuffled with a fixed seed and
/// dealt out in turn, so every author's queue is deterministic and no document is published twice. When authors
/// repost (<see cref="Scenarios.HumanSpec.Repost"/>), the dealing goes on round the genre's documents: place k of author
/// a's queue is the genre's shuffled document (a + k x authors of the genre) mod documents of the genre, which is the
/// queue itself while it lasts.</remarks>
public sealed class AuthorRoster
{
    private readonly string[] _genres;
    private readonly int[][] _queues;
    private readonly (int[] Shuffled, int Slot, int Authors)[] _dealing;

    private AuthorRoster(string[] genres, int[][] queues, (int[] Shuffled, int Slot, int Authors)[] dealing)
    {
        _genres = genres;
        _queues = queues;
        _dealing = dealing;
    }

    /// <summary>Number of authors.</summary>
    public int Count => _genres.Length;

    /// <summary>The genre author <paramref name="author"/> writes in ("" for theory data).</summary>
    public string GenreOf(int author) => _genres[author];

    /// <summary>Indices into the training corpus of the documents author <paramref name="author"/> publishes, in order.</summary>
    public IReadOnlyList<int> QueueOf(int author) => _queues[author];

    /// <summary>The training document at place <paramref name="place"/> of author <paramref name="author"/>'s queue;
    /// past its end, the one reposted there when <paramref name="repost"/> is set, else null.</summary>
    public int? DocumentAt(int author, int place, bool repost)
    {
        var queue = _queues[author];
        if (place < queue.Length)
        {
            return queue[place];
        }

        if (!repost || _dealing.Length == 0)
        {
            return null;
        }

        var (shuffled, slot, authors) = _dealing[author];
        return shuffled[(int)((slot + ((long)place * authors)) % shuffled.Length)];
    }

    /// <summary>Builds the roster for a scenario; <paramref name="corpus"/> is null for theory data.</summary>
    public static AuthorRoster Build(Scenario scenario, HumanCorpus? corpus)
    {
        var authors = scenario.Humans.Authors;
        if (corpus is null)
        {
            return new AuthorRoster(Enumerable.Repeat("", authors).ToArray(), Enumerable.Repeat(Array.Empty<int>(), authors).ToArray(), []);
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
        var dealing = new List<(int[], int, int)>(authors);
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
                dealing.Add((shuffled, a, counts[g]));
            }
        }

        return new AuthorRoster([.. genres], [.. queues], [.. dealing]);
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
