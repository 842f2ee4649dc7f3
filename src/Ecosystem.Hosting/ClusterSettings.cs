using Microsoft.Extensions.Configuration;

namespace Ecosystem.Hosting;

/// <summary>Settings of the cluster a host joins, bound from the "Cluster" section (appsettings.json, <c>Cluster__*</c>
/// environment variables) and overridden by command-line options.</summary>
public sealed class ClusterSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Cluster";

    /// <summary>Embedded (the default) or Redis.</summary>
    public ClusterMode Mode { get; set; } = ClusterMode.Embedded;

    /// <summary>StackExchange.Redis connection string of the Redis server (Redis mode), e.g. <c>localhost:6379</c>.</summary>
    public string RedisConnectionString { get; set; } = "localhost:6379";

    /// <summary>Orleans cluster id: silos and clients with the same id form one cluster.</summary>
    public string ClusterId { get; set; } = "ecosystem";

    /// <summary>Orleans service id: names the grain state in storage, so it must stay the same across restarts.</summary>
    public string ServiceId { get; set; } = "ecosystem";

    /// <summary>Port for silo-to-silo traffic.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Embedded mode: silo port of the primary silo to join; null makes this silo the primary.</summary>
    public int? PrimarySiloPort { get; set; }

    /// <summary>Embedded mode, clients: gateway ports of the localhost silos to connect to (default: <see cref="GatewayPort"/>).</summary>
    public int[] GatewayPorts { get; set; } = [];

    /// <summary>Redis mode: the address other silos and clients reach this silo at (a host name or an IP address); empty
    /// means this machine's own host name, which is what replicas of one container image need.</summary>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>Redis mode: listen on every interface rather than on the advertised address only (in a container).</summary>
    public bool ListenOnAnyAddress { get; set; }

    /// <summary>How long a silo waits for a probe's answer before counting it missed; null keeps Orleans' default.
    /// With <see cref="MissedProbesLimit"/> it sets how fast a dead silo is noticed.</summary>
    public double? ProbeTimeoutSeconds { get; set; }

    /// <summary>Missed probes after which a silo votes another dead; null keeps Orleans' default.</summary>
    public int? MissedProbesLimit { get; set; }

    /// <summary>Silos carry the Orleans dashboard's grains and a client dashboard serves its pages (cluster internals);
    /// off by default because its profiler times every grain call. Silos and the dashboard must agree.</summary>
    public bool OrleansDashboard { get; set; }

    /// <summary>Reads the section of <paramref name="configuration"/>, then applies <paramref name="configure"/>.</summary>
    /// <exception cref="ArgumentException">The settings are not usable; the message names the setting.</exception>
    public static ClusterSettings From(IConfiguration configuration, Action<ClusterSettings>? configure = null)
    {
        var settings = configuration.GetSection(Section).Get<ClusterSettings>() ?? new ClusterSettings();
        configure?.Invoke(settings);
        if (settings.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(configuration));
        }

        return settings;
    }

    /// <summary>The first problem with these settings, or null when they are usable.</summary>
    public string? Problem()
    {
        if (!Enum.IsDefined(Mode))
        {
            return $"Cluster:Mode: found {Mode}; use embedded or redis.";
        }

        foreach (var (name, port) in new[] { ("SiloPort", (int?)SiloPort), ("GatewayPort", GatewayPort), ("PrimarySiloPort", PrimarySiloPort) }
                     .Concat(GatewayPorts.Select(p => ("GatewayPorts", (int?)p))))
        {
            if (port is < 1 or > 65535)
            {
                return $"Cluster:{name}: found {port}; must be 1..65535.";
            }
        }

        if (Mode == ClusterMode.Redis && string.IsNullOrWhiteSpace(RedisConnectionString))
        {
            return "Cluster:RedisConnectionString is empty; the Redis mode needs one (e.g. localhost:6379).";
        }

        if (string.IsNullOrWhiteSpace(ClusterId) || string.IsNullOrWhiteSpace(ServiceId))
        {
            return "Cluster:ClusterId and Cluster:ServiceId must not be empty.";
        }

        if (ProbeTimeoutSeconds is <= 0 or > 600)
        {
            return $"Cluster:ProbeTimeoutSeconds: found {ProbeTimeoutSeconds}; must be above 0 and at most 600.";
        }

        return MissedProbesLimit is < 1 or > 100 ? $"Cluster:MissedProbesLimit: found {MissedProbesLimit}; must be 1..100." : null;
    }
}
