using Ecosystem.Corpus;
using Ecosystem.Grains.Runs;
using Ecosystem.Scenarios;

namespace Ecosystem.Simulation.Tests;

public class AuthorRosterTests
{
    // Two genres of 7 and 3 training documents.
    private static readonly HumanCorpus Corpus = new(
        new CorpusOptions(CorpusSourceKind.Brown),
        [.. Enumerable.Range(0, 7).Select(i => new HumanTextDocument($"a{i}", "fiction", [i])), .. Enumerable.Range(0, 3).Select(i => new HumanTextDocument($"b{i}", "news", [100 + i]))],
        [],
        vocabularySize: 200);

    private static AuthorRoster Roster(int authors) => AuthorRoster.Build(new Scenario { Humans = new HumanSpec { Authors = authors } }, Corpus);

    [Fact]
    public void Without_reposting_an_author_publishes_its_queue_once_and_then_nothing()
    {
        var roster = Roster(authors: 4);

        for (var author = 0; author < roster.Count; author++)
        {
            var queue = roster.QueueOf(author);
            Assert.Equal(queue, Enumerable.Range(0, queue.Count).Select(k => roster.DocumentAt(author, k, repost: false)!.Value));
            Assert.Null(roster.DocumentAt(author, queue.Count, repost: false));
        }

        // Every document is dealt exactly once.
        Assert.Equal(Enumerable.Range(0, 10), Enumerable.Range(0, roster.Count).SelectMany(roster.QueueOf).Order());
    }

    [Fact]
    public void Reposting_continues_the_queue_round_the_genre_so_each_pass_publishes_every_document_of_the_genre_once()
    {
        // More authors than news documents: the fourth news author (if any) has an empty queue but still reposts.
        var roster = Roster(authors: 9);

        foreach (var genre in new[] { "fiction", "news" })
        {
            var authors = Enumerable.Range(0, roster.Count).Where(a => roster.GenreOf(a) == genre).ToList();
            var documents = Enumerable.Range(0, 10).Where(i => Corpus.Train[i].Genre == genre).ToList();
            for (var author = 0; author < authors.Count; author++)
            {
                var queue = roster.QueueOf(authors[author]);
                for (var k = 0; k < queue.Count; k++)
                {
                    Assert.Equal(queue[k], roster.DocumentAt(authors[author], k, repost: true));
                }
            }

            // Places k of all the genre's authors together cover the genre's documents evenly: over as many places as
            // there are documents, every document comes up exactly as often as there are authors.
            var published = authors.SelectMany(a => Enumerable.Range(0, documents.Count).Select(k => roster.DocumentAt(a, k, repost: true)!.Value)).ToList();
            Assert.All(documents, d => Assert.Equal(authors.Count, published.Count(p => p == d)));
            Assert.All(published, p => Assert.Equal(genre, Corpus.Train[p].Genre));
        }
    }
}
