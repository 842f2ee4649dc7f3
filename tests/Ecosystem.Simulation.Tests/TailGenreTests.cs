using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Simulation.Tests;

/// <summary>Shumailov et al.'s "the tails disappear first", at the level of genres: a model that continues documents
/// from its own training set writes each genre in proportion to what it was trained on, so under replace the genre mix
/// drifts from generation to generation like a resampled categorical, and small genres vanish long before large ones.</summary>
public class TailGenreTests(SingleSiloCluster fixture) : IClassFixture<SingleSiloCluster>
{
    private const int Worlds = 16;
    private const int Ticks = 25;

    private const string Scenario = """
        {
          "name": "tail-genres", "seed": 13, "ticks": 25, "replicates": 16, "shards": 1,
          "data": { "kind": "text", "text": { "documentTokens": 32, "maxDocuments": 600 } },
          "humans": { "authors": 60, "initialDocuments": 600, "documentsPerTick": 0, "lastTick": 0 },
          "vendors": [
            { "name": "loop", "model": { "family": "ngram", "order": 2 },
              "training": { "policy": "replace", "sources": "self" },
              "decoding": { "prompts": "training", "promptTokens": 4 },
              "deployment": { "documentsPerTick": 200, "documentLength": 32 } }
          ],
          "metrics": { "heldOutDocuments": 20, "samplesPerTick": 0 }
        }
        """;

    private static readonly string[] Tail = ["science_fiction", "humor"];
    private static readonly string[] Head = ["learned", "belles_lettres"];

    [Fact]
    public async Task Under_replace_the_tail_genres_vanish_from_the_model_s_output_far_more_often_than_the_head_genres()
    {
        var result = await ScenarioRuns.RunAsync(fixture.Handle, ScenarioRuns.Parse(Scenario));
        double[] Shares(string genre, int tick) => ScenarioRuns.Values(result.Metrics, MetricNames.GenreShare, tick, "loop", genre);

        // Generation 0 writes every genre: its prompts come from the human corpus.
        Assert.All(Tail.Concat(Head), genre => Assert.True(Shares(genre, 0).Average() > 0, $"{genre} is missing from generation 0's output"));

        var tailLost = Tail.SelectMany(g => Shares(g, Ticks - 1)).Count(s => s == 0) / (double)(Tail.Length * Worlds);
        var headLost = Head.SelectMany(g => Shares(g, Ticks - 1)).Count(s => s == 0) / (double)(Head.Length * Worlds);

        // Binomial standard error of the difference of two proportions over 32 genre-worlds each.
        var n = Tail.Length * Worlds;
        var standardError = Math.Sqrt((tailLost * (1 - tailLost) / n) + (headLost * (1 - headLost) / n));
        Assert.True(tailLost - headLost > 3 * Math.Max(standardError, 1.0 / n),
            $"tail genres lost in {tailLost:P0} of worlds, head genres in {headLost:P0} (standard error {standardError:P1})");

        // The mix drifts but is not imposed: a head genre's mean share across worlds stays near its starting share.
        foreach (var genre in Head)
        {
            var start = Shares(genre, 0);
            var end = Shares(genre, Ticks - 1);
            var se = Math.Sqrt(end.Select(x => (x - end.Average()) * (x - end.Average())).Sum() / (Worlds - 1) / Worlds);
            Assert.InRange(end.Average(), start.Average() - (4 * se) - 0.02, start.Average() + (4 * se) + 0.02);
        }
    }
}
