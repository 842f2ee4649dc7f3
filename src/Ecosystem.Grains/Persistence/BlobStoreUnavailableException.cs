namespace Ecosystem.Grains.Persistence;

/// <summary>The blob store could not be reached or refused a request (an object store that is down, a wrong address or
/// key); the message names the store and what was being done.</summary>
/// <remarks>The runner counts it as a fault of the cluster and runs the tick again, as for a Redis outage: an object
/// store that comes back within the retries loses nothing.</remarks>
[GenerateSerializer]
public sealed class BlobStoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BlobStoreUnavailableException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public BlobStoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public BlobStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
