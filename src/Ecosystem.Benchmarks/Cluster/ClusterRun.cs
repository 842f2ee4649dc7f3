namespace Ecosystem.Benchmarks.Cluster;

/// <summary>The measurements of one run of the scale scenario on one cluster shape.</summary>
/// <param name="Case">The cluster shape.</param>
/// <param name="TickSeconds">Wall seconds of each tick; the first also starts the run on every silo (corpus, roster).</param>
/// <param name="CumulativePublished">Documents published by the end of each tick.</param>
/// <param name="DocumentsHeld">Documents in the corpus at the end.</param>
/// <param name="DocumentsAfterFirstTick">Documents in the corpus after the first tick.</param>
/// <param name="BaselineBytes">Resident memory of the silos, Redis and the client with the cluster up, before the run.</param>
/// <param name="AfterFirstTickBytes">Summed resident memory after the first tick, which loads the corpus on every silo.</param>
/// <param name="PeakBytes">Highest summed resident memory sampled during the run.</param>
/// <param name="EndBytes">Summed resident memory after the last tick, with the run's grains still active.</param>
public sealed record ClusterRun(ClusterCase Case, IReadOnlyList<double> TickSeconds, IReadOnlyList<long> CumulativePublished, long DocumentsHeld,
    long DocumentsAfterFirstTick, long BaselineBytes, long AfterFirstTickBytes, long PeakBytes, long EndBytes)
{
    /// <summary>Bytes the silos sent to other processes (silos and the client) during the run, by their Orleans
    /// messaging metrics.</summary>
    public long SiloBytesSent { get; init; }

    /// <summary>How many silos held activations of the simulation's grains at the end of the run.</summary>
    public int SilosHostingGrains { get; init; }

    /// <summary>The share of the simulation's activations held by the silo that held the most of them (1 for one silo).</summary>
    public double LargestSiloShare { get; init; } = 1;

    /// <summary>True when the run's grains spread over its silos: every silo holds some, and none holds more than twice
    /// its even share. A run where one silo kept nearly every grain measures that silo, not the cluster, even when
    /// another holds a grain or two.</summary>
    public bool IsSpread => SilosHostingGrains == Case.Silos && (Case.Silos == 1 || LargestSiloShare <= 2.0 / Case.Silos);

    /// <summary>Bytes the silos sent per document published over the run.</summary>
    public double BytesSentPerDocument => (double)SiloBytesSent / CumulativePublished[^1];

    /// <summary>Documents published per wall second over the ticks after the first.</summary>
    public double DocumentsPerSecond =>
        (CumulativePublished[^1] - CumulativePublished[0]) / TickSeconds.Skip(1).Sum();

    /// <summary>Documents published per wall second over the whole run, first tick included.</summary>
    public double RunDocumentsPerSecond => CumulativePublished[^1] / TickSeconds.Sum();

    /// <summary>Median wall seconds of a tick after the first.</summary>
    public double MedianTickSeconds => Statistics.Median(TickSeconds.Skip(1));

    /// <summary>Growth of the cluster's resident memory from the end of the first tick to the end of the run, per document
    /// the corpus gained in between: fixed costs (silos, the corpus each one loads, Redis) cancel out.</summary>
    public double BytesPerDocumentHeld => (double)(EndBytes - AfterFirstTickBytes) / (DocumentsHeld - DocumentsAfterFirstTick);
}
