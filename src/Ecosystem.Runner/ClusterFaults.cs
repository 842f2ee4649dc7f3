using Ecosystem.Abstractions;

namespace Ecosystem.Runner;

/// <summary>Tells failures of the cluster (a lost silo, a lost connection, unreachable storage, a tick interrupted by
/// either), after which running the tick again can succeed, from errors of the run itself, which would only repeat.</summary>
public static class ClusterFaults
{
    // Matched by name: the runner sees these across the wire, and a client may lack the assembly that defines one (Orleans
    // then hands over a stand-in that keeps the original type's name).
    private static readonly HashSet<string> TransientTypes = new(StringComparer.Ordinal)
    {
        "Ecosystem.Abstractions.Simulation.TickInterruptedException",
        "Orleans.Runtime.SiloUnavailableException",
        "Orleans.Runtime.OrleansMessageRejectionException",
        "Orleans.Runtime.Messaging.ConnectionFailedException",
        "Orleans.Runtime.GatewayTooBusyException",
        "Orleans.Runtime.ClientNotAvailableException",
        "Orleans.Storage.InconsistentStateException",
        "Orleans.Persistence.Redis.RedisStorageException",
        "Orleans.Clustering.Redis.RedisClusteringException",
        "Ecosystem.Grains.Persistence.BlobStoreUnavailableException",
        "System.TimeoutException",
    };

    /// <summary>True when <paramref name="exception"/> or one of its causes is a fault of the cluster.</summary>
    public static bool IsTransient(Exception exception) =>
        ExceptionCauses.Of(exception).Any(e => IsTransientType(e.GetType().FullName) || IsTransientType(StandInTypeName(e)));

    private static bool IsTransientType(string? name) =>
        name is not null && (TransientTypes.Contains(name) || name.StartsWith("StackExchange.Redis.", StringComparison.Ordinal));

    /// <summary>The original type name Orleans keeps when it could not rebuild an exception on this side.</summary>
    private static string? StandInTypeName(Exception e) =>
        e.GetType().GetProperty("ExceptionType")?.GetValue(e) as string;
}
