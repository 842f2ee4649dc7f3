using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Grains.Runs;
using Ecosystem.Scenarios;

namespace Ecosystem.Simulation.Tests;

/// <summary>A living human population through the ecosystem: newcomers, displacement and writing assistance.</summary>
public class LivingPopulationTests(SingleSiloCluster cluster) : IClassFixture<SingleSiloCluster>
{
    private const string Scenario = """
        {
          "name": "living-population", "seed": 8, "ticks": 4,
          "data": { "kind": "text", "text": { "source": "brown", "documentTokens": 40, "maxDocuments": 2000 } },
          "humans": { "authors": 40, "activeAuthors": 20, "newcomersPerTick": 10, "initialDocuments": 100, "documentsPerTick": 400,
                      "displacement": 0.5, "assistance": { "vendor": "acme", "start": 1, "rate": 0.3, "max": 0.5, "humanShare": 0.25 } },
          "vendors": [ { "name": "acme", "deployment": { "documentsPerTick": 150 } } ],
          "metrics": { "heldOutDocuments": 40 }
        }
        """;

    [Fact]
    public async Task People_join_are_displaced_and_adopt_assistance_and_assisted_documents_say_which_model_finished_them()
    {
        var result = await ScenarioRuns.RunAsync(cluster.Handle, ScenarioRuns.Parse(Scenario), keepGrains: true);
        var rows = result.Metrics;
        double Corpus(string metric, int tick) => ScenarioRuns.Value(rows, metric, tick, "");

        Assert.Equal([20.0, 30, 40, 40], Enumerable.Range(0, 4).Select(t => Corpus(MetricNames.AuthorsActive, t)));
        for (var tick = 1; tick < 4; tick++)
        {
            // Population output 400 x active / 40, displaced by half the previous tick's published synthetic share.
            var expected = Math.Round(400.0 * Corpus(MetricNames.AuthorsActive, tick) / 40
                                      * (1 - (0.5 * Corpus(MetricNames.PublishedSyntheticShare, tick - 1))), MidpointRounding.AwayFromZero);
            Assert.Equal(expected, Corpus(MetricNames.HumanDocumentsPublished, tick));

            // Each document is assisted with probability a(t) = min(0.5, 0.3 t): within 4 binomial standard errors.
            var share = Math.Min(0.5, 0.3 * tick);
            var n = Corpus(MetricNames.HumanDocumentsPublished, tick);
            Assert.InRange(Corpus(MetricNames.AssistedShare, tick), share - (4 * Math.Sqrt(share * (1 - share) / n)), share + (4 * Math.Sqrt(share * (1 - share) / n)));
        }

        Assert.Equal(0, Corpus(MetricNames.AssistedShare, 0));

        var world = new WorldAddress(result.Manifest.RunId, 0);
        var corpus = (await Task.WhenAll(Enumerable.Range(0, 4).Select(s => cluster.Handle.Cluster.Client.GetGrain<ICorpusShardGrain>(world.Shard(s))
            .ScrapeAsync(new ScrapeQuery(-1, TickPhase.HumansPublish, 3, null))))).SelectMany(d => d).ToList();
        var assisted = corpus.Where(d => d.Provenance.IsAssisted).ToList();
        Assert.Equal(Corpus(MetricNames.DocumentsAssisted, 3), assisted.Count);
        Assert.All(assisted, d =>
        {
            Assert.Equal("acme", d.Provenance.Vendor);
            Assert.Equal(d.Tick - 1, d.Provenance.Generation);
            Assert.StartsWith("h", d.Provenance.AuthorId, StringComparison.Ordinal);
            Assert.Equal(40, d.Content.Tokens.Length);
            Assert.True(d.Provenance.IsSynthetic);
        });

        // The person wrote the start of each assisted document (a quarter: 10 of 40 tokens): the real document's start.
        var context = await RunContext.LoadAsync(new RunSpec(result.Manifest.RunId, ScenarioJson.Serialize(ScenarioRuns.Parse(Scenario))));
        var sources = context.Corpus!.Train.ToDictionary(d => d.Id);
        Assert.All(assisted, d => Assert.Equal(sources[d.Provenance.SourceDocumentId].Tokens[..10], d.Content.Tokens[..10]));
        Assert.Contains(assisted, d => !sources[d.Provenance.SourceDocumentId].Tokens[10..].SequenceEqual(d.Content.Tokens[10..]));
    }
}
