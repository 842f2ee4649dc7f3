using System.CommandLine;
using Ecosystem.Hosting;
using Microsoft.Extensions.Configuration;

namespace Ecosystem.Cli;

/// <summary>The <c>--cluster</c> and <c>--redis</c> options of the commands that run scenarios (run, sweep, fork), and
/// connecting to the cluster they name.</summary>
internal sealed class ClusterTargetOptions
{
    /// <summary>Where the runs go: a silo in this process, or a running Redis cluster.</summary>
    public Option<ClusterMode?> Cluster { get; } = new("--cluster")
    {
        Description = "embedded: a silo in this process (the default, or Cluster__Mode). redis: join a running cluster whose silos " +
                      "register in Redis (ecosystem cluster up starts one) as a client; its grain state survives silo failures, " +
                      "failed ticks are retried and an unfinished run can be resumed.",
    };

    /// <summary>The Redis connection string of the cluster.</summary>
    public Option<string?> Redis { get; } = new("--redis")
    {
        Description = "Redis connection string of the cluster for --cluster redis (default: Cluster__RedisConnectionString, else localhost:6379).",
    };

    /// <summary>Whether the runtime's own log is printed on the console too.</summary>
    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Also print the runtime's own log (Orleans, the silo, the grains) on the console; it always goes to runtime.log in the output folder, and without this option the console shows only the simulator's warnings and errors.",
    };

    /// <summary>The target the parsed options (or the environment's <c>Cluster__Mode</c>) name.</summary>
    public RunTarget TargetOf(ParseResult parse) =>
        new(parse.GetValue(Cluster) ?? ClusterSettings.From(new ConfigurationBuilder().AddEnvironmentVariables().Build()).Mode, parse.GetValue(Redis), parse.GetValue(Verbose));
}
