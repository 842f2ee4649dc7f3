using Ecosystem.Hosting;

namespace Ecosystem.Cli;

/// <summary>Where a run goes: the cluster mode and, for Redis, the connection string given on the command line.</summary>
internal sealed record RunTarget(ClusterMode Mode, string? Redis)
{
    public string Describe() => Mode == ClusterMode.Redis ? $"redis {Redis ?? "from Cluster__RedisConnectionString"}" : "embedded";

    public string Options() => Mode == ClusterMode.Redis ? " --cluster redis" + (Redis is null ? "" : $" --redis {Redis}") : "";
}
