using System.Globalization;
using Ecosystem.Benchmarks.Results;
using static Ecosystem.Benchmarks.Cluster.ClusterMetrics;

namespace Ecosystem.Benchmarks.Cluster;

/// <summary>Tables and explanations of the cluster suite's figures.</summary>
public static class ClusterReport
{
    /// <summary>The report of <paramref name="results"/>.</summary>
    public static SuiteReport Build(IReadOnlyList<BenchmarkResult> results)
    {
        var index = new ResultIndex(results);
        var cases = index.Cases.Where(c => index.Find(c, ClusterSuite.Implementation, Silos) is not null).ToList();
        if (cases.Count == 0)
        {
            return new SuiteReport("Cluster", "No figures.", [], []);
        }

        double Get(string c, string metric) => index.Get(c, ClusterSuite.Implementation, metric);
        var first = cases[0];
        var introduction = string.Create(CultureInfo.InvariantCulture, $"""
            Each case starts a fresh local cluster with the launcher of `ecosystem cluster up` (redis-server and the silo
            processes, in Redis mode, sharing a blob folder) and runs the scale scenario on it as a client, as
            `ecosystem run --cluster redis` does, for {Get(first, Ticks):N0} ticks: {Get(first, Authors):N0} human authors
            publish Brown text until their queues of real documents run dry, while three unigram vendors scrape everything
            new, train and publish synthetic documents every tick, into corpus shards spread over the silos. Every tick
            also commits the grains' state (the clock's totals to Redis, each shard's new segment and each vendor's
            training data to the blob folder), so that a run survives the loss of a silo. Documents/s is published
            documents per wall second over the ticks after the first (the first also loads the corpus and builds the
            author roster on each silo); memory is the resident memory of every process of the cluster added up: the
            silos, redis-server and the client.
            """);

        var throughput = new ReportTable(
            "Throughput",
            ["case", "silos", "documents", "documents/s (steady)", "documents/s (whole run)", "tick", "first tick", "run", "sent by silos per document"],
            cases.Select(c => (IReadOnlyList<string>)
            [
                c,
                Figures.Count(Get(c, Silos)),
                Figures.Count(Get(c, DocumentsHeld)),
                Figures.Number(Get(c, DocumentsPerSecond)),
                Figures.Number(Get(c, RunDocumentsPerSecond)),
                Figures.Seconds(Get(c, TickSeconds)),
                Figures.Seconds(Get(c, FirstTickSeconds)),
                Figures.Seconds(Get(c, RunSeconds)),
                index.Find(c, ClusterSuite.Implementation, BytesSentPerDocument) is { } sent ? $"{Figures.Number(sent)} bytes" : "–",
            ]).ToList());

        var memory = new ReportTable(
            "Memory (all processes of the cluster together)",
            ["case", "documents held", "before the run", "after the first tick", "peak", "end", "bytes/document held"],
            cases.Select(c => (IReadOnlyList<string>)
            [
                c,
                Figures.Count(Get(c, DocumentsHeld)),
                Figures.Mebibytes(Get(c, BaselineResident)),
                Figures.Mebibytes(Get(c, AfterFirstTickResident)),
                Figures.Mebibytes(Get(c, PeakResident)),
                Figures.Mebibytes(Get(c, EndResident)),
                Figures.Count(Get(c, BytesPerDocumentHeld)),
            ]).ToList());

        var notes = new List<string>
        {
            """
            *Bytes per document held* is the growth of the cluster's resident memory from the end of the first tick (by
            then every silo has loaded the corpus) to the end of the run (the run's grains still active), divided by the
            documents the corpus gained in between: what a document costs the cluster, its copy in the shard that holds it
            and every copy made on the way (vendors' training sets, messages between processes), as far as the processes
            have not given that memory back to the system.
            """,
        };
        if (cases.Any(c => index.Find(c, ClusterSuite.Implementation, BytesSentPerDocument) is not null))
        {
            notes.Add("""
                *Sent by silos per document* is the growth over the run of the bytes every silo serialized for another
                process (the sum of Orleans' `orleans-messaging-sent-messages-size` histogram on each silo's Prometheus
                endpoint), divided by the documents published: with one silo, what it sends the client (tick reports,
                metric rows, samples); with three, also what crosses between silos (documents appended to shards on
                another silo, scraped training sets, grain calls). Documents cross as compact batches (`DocumentBatch`:
                16-bit token ids, shared strings as codes), and a model generation lives on its vendor's silo.
                """);
        }

        var hosting = cases.Select(c => (Case: c, Silos: index.Find(c, ClusterSuite.Implementation, SilosHostingGrains),
            Largest: index.Find(c, ClusterSuite.Implementation, LargestSiloShare))).Where(x => x.Silos is not null).ToList();
        if (hosting.Count > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"""
                After its last tick each run counts the activations of the simulation's grains on each silo (Orleans'
                grain statistics): a silo places grains by its own view of the cluster, and one that has not yet learnt
                of the others keeps every grain it places, or nearly every one, which would measure one silo, not
                several. A run is run again, up to 3 times, when a silo holds none of them or one holds more than twice
                its even share. Silos holding grains in the runs above, and the busiest one's share:
                {string.Join(", ", hosting.Select(x => x.Largest is { } share ? $"{x.Case} {x.Silos:F0} ({share:P0})" : $"{x.Case} {x.Silos:F0}"))}.
                """));
        }

        if (index.Find(ClusterSuite.RatioCase, ClusterSuite.Comparison, ThroughputRatio) is { } ratio)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"""
                Three silos against one: steady-state throughput ratio {ratio:F2}. The silo processes of one machine share
                its cores (see the machine above), so three silos cannot compute more than one could; what they add is
                messages between processes (documents cross from authors and vendors to shards on other silos, and back to
                the vendors that scrape them) and three copies of the silo's fixed costs. On a cluster of machines each
                silo brings its own cores, and the same grain placement spreads the work over them.
                """));
        }

        return new SuiteReport("Cluster", introduction, [throughput, memory], notes);
    }
}
