using System.Globalization;
using Ecosystem.Benchmarks.Results;

namespace Ecosystem.Benchmarks.Cluster;

/// <summary>The <c>cluster</c> suite: the scale scenario (10,000 authors, about a million documents) on a local Redis
/// cluster of three silo processes and of one, with documents per second, the memory of every process together,
/// memory per document and the three-to-one throughput ratio.</summary>
public sealed class ClusterSuite : IBenchmarkSuite
{
    /// <summary>The suite's name.</summary>
    public const string SuiteName = "cluster";

    /// <summary>The implementation recorded with the measured figures.</summary>
    public const string Implementation = "redis cluster";

    /// <summary>The implementation recorded with figures computed from both shapes.</summary>
    public const string Comparison = "comparison";

    /// <summary>The case name of the three-to-one comparison.</summary>
    public const string RatioCase = "silos-3-vs-1";

    /// <summary>Runs of a case at most, when its grains did not spread over its silos.</summary>
    private const int MaxAttempts = 3;

    /// <inheritdoc />
    public string Name => SuiteName;

    /// <inheritdoc />
    public string Description => "10,000 authors and about 1,000,000 documents on a local Redis cluster of 3 silo processes vs 1 (needs redis-server)";

    /// <inheritdoc />
    public async Task<SuiteOutcome> RunAsync(BenchmarkSettings settings, BenchmarkLog log, CancellationToken cancellationToken)
    {
        var configuration = settings.Quick ? ClusterConfiguration.Quick : ClusterConfiguration.Full;
        var runs = new List<ClusterRun>();
        foreach (var clusterCase in configuration.Cases)
        {
            log.Step(Name, $"{clusterCase.Name}: starting redis-server and {clusterCase.Silos} silo process(es), then running {configuration.Ticks} ticks");
            var run = await ClusterMeasurement.RunAsync(clusterCase, configuration, cancellationToken);
            for (var attempt = 2; !run.IsSpread && attempt <= MaxAttempts; attempt++)
            {
                // A silo places grains by its own view of the cluster; one that had not yet learnt of the others kept
                // every grain, or nearly every one, on itself, which measures one silo, not several.
                log.Step(Name, string.Create(CultureInfo.InvariantCulture,
                    $"{clusterCase.Name}: the run's grains landed on {run.SilosHostingGrains} of {clusterCase.Silos} silos, {run.LargestSiloShare:P0} of them on one; running it again (attempt {attempt} of {MaxAttempts})"));
                run = await ClusterMeasurement.RunAsync(clusterCase, configuration, cancellationToken);
            }

            if (!run.IsSpread)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"{clusterCase.Name}: in {MaxAttempts} runs the grains never spread over the {clusterCase.Silos} silos (last run: on {run.SilosHostingGrains}, {run.LargestSiloShare:P0} on one)."));
            }

            runs.Add(run);
            log.Step(Name, string.Create(CultureInfo.InvariantCulture,
                $"{clusterCase.Name}: {run.DocumentsHeld:N0} documents, {run.DocumentsPerSecond:N0} documents/s, grains on {run.SilosHostingGrains} silo(s) ({run.LargestSiloShare:P0} on the busiest), ticks {string.Join(" ", run.TickSeconds.Select(t => $"{t:F1}s"))}, peak {run.PeakBytes / (1024.0 * 1024):N0} MiB"));
        }

        return new SuiteOutcome(Summarize(configuration, runs), new Dictionary<string, string>());
    }

    /// <inheritdoc />
    public SuiteReport Report(IReadOnlyList<BenchmarkResult> results) => ClusterReport.Build(results);

    /// <summary>The figures of each shape, and the throughput ratio of the largest to the one-silo reference.</summary>
    public static IReadOnlyList<BenchmarkResult> Summarize(ClusterConfiguration configuration, IReadOnlyList<ClusterRun> runs)
    {
        var rows = new List<BenchmarkResult>();
        foreach (var run in runs)
        {
            void Add(string metric, double value, string unit) => rows.Add(new BenchmarkResult(SuiteName, run.Case.Name, Implementation, metric, value, unit));
            Add(ClusterMetrics.Silos, run.Case.Silos, "silos");
            Add(ClusterMetrics.Authors, configuration.Authors, "authors");
            Add(ClusterMetrics.Ticks, run.TickSeconds.Count, "ticks");
            Add(ClusterMetrics.DocumentsHeld, run.DocumentsHeld, "documents");
            Add(ClusterMetrics.DocumentsPerSecond, run.DocumentsPerSecond, "documents/s");
            Add(ClusterMetrics.RunDocumentsPerSecond, run.RunDocumentsPerSecond, "documents/s");
            Add(ClusterMetrics.TickSeconds, run.MedianTickSeconds, "s");
            Add(ClusterMetrics.FirstTickSeconds, run.TickSeconds[0], "s");
            Add(ClusterMetrics.RunSeconds, run.TickSeconds.Sum(), "s");
            Add(ClusterMetrics.BaselineResident, run.BaselineBytes, "bytes");
            Add(ClusterMetrics.AfterFirstTickResident, run.AfterFirstTickBytes, "bytes");
            Add(ClusterMetrics.PeakResident, run.PeakBytes, "bytes");
            Add(ClusterMetrics.EndResident, run.EndBytes, "bytes");
            Add(ClusterMetrics.BytesPerDocumentHeld, run.BytesPerDocumentHeld, "bytes/document");
            Add(ClusterMetrics.BytesSent, run.SiloBytesSent, "bytes");
            Add(ClusterMetrics.BytesSentPerDocument, run.BytesSentPerDocument, "bytes/document");
            Add(ClusterMetrics.SilosHostingGrains, run.SilosHostingGrains, "silos");
            Add(ClusterMetrics.LargestSiloShare, run.LargestSiloShare, "share");
        }

        if (runs.FirstOrDefault(r => r.Case.Silos == 1) is { } one && runs.FirstOrDefault(r => r.Case.Silos == 3) is { } three)
        {
            rows.Add(new BenchmarkResult(SuiteName, RatioCase, Comparison, ClusterMetrics.ThroughputRatio, three.DocumentsPerSecond / one.DocumentsPerSecond, "ratio"));
        }

        return rows;
    }
}
