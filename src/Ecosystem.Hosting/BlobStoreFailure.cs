using Ecosystem.Abstractions;
using Ecosystem.Grains.Persistence;

namespace Ecosystem.Hosting;

/// <summary>Finds the blob store's own error inside what a host's start-up throws: Orleans wraps the failure of a
/// start-up stage in exceptions of its own, whose messages say which stage failed but not why.</summary>
public static class BlobStoreFailure
{
    /// <summary>The <see cref="BlobStoreUnavailableException"/> in <paramref name="exception"/> or its causes, or null.</summary>
    public static BlobStoreUnavailableException? Find(Exception exception) =>
        ExceptionCauses.Of(exception).OfType<BlobStoreUnavailableException>().FirstOrDefault();
}
