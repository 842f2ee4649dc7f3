namespace Ecosystem.Runner;

/// <summary>A run stopped because the cluster failed for longer than the runner retries (see <see cref="TickRetryPolicy"/>).</summary>
public sealed class ClusterFaultException(string message, Exception innerException) : Exception(message, innerException);
