namespace Ecosystem.Benchmarks.Cluster;

/// <summary>Names of the cluster suite's figures.</summary>
public static class ClusterMetrics
{
    public const string Silos = "silos";
    public const string Authors = "authors";
    public const string Ticks = "ticks";
    public const string DocumentsHeld = "documents_held";
    public const string DocumentsPerSecond = "documents_per_second";
    public const string RunDocumentsPerSecond = "run_documents_per_second";
    public const string TickSeconds = "tick_seconds";
    public const string FirstTickSeconds = "first_tick_seconds";
    public const string RunSeconds = "run_seconds";
    public const string BaselineResident = "baseline_resident";
    public const string AfterFirstTickResident = "after_first_tick_resident";
    public const string PeakResident = "peak_resident";
    public const string EndResident = "end_resident";
    public const string BytesPerDocumentHeld = "bytes_per_document_held";
    public const string ThroughputRatio = "throughput_ratio";
    public const string BytesSent = "silo_bytes_sent";
    public const string BytesSentPerDocument = "silo_bytes_sent_per_document";
    public const string SilosHostingGrains = "silos_hosting_grains";
    public const string LargestSiloShare = "largest_silo_share";
}
