namespace Ecosystem.Hosting;

/// <summary>How the silos of a cluster find each other and where grains keep their state.</summary>
public enum ClusterMode
{
    /// <summary>Localhost clustering (one process, or silo hosts on one machine joining a primary); grain state in each
    /// silo's memory, blobs in memory unless <c>Storage:BlobDirectory</c> (or <c>Storage:Kind</c> azure) is set.</summary>
    Embedded,

    /// <summary>Membership and grain state in Redis; large blobs in a folder every silo can read and write, or in an object
    /// store (<c>Storage:Kind</c>).</summary>
    Redis,
}
