namespace Ecosystem.Dashboard;

/// <summary>Settings of the dashboard, bound from the "Dashboard" section (appsettings.json, Dashboard__* environment
/// variables) and overridden by the command line.</summary>
public sealed class DashboardSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Dashboard";

    /// <summary>Addresses to listen on, separated by ';'. The default serves this machine only.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Bearer token that control actions (start, pause, resume, stop, fork) must carry; when empty, one is
    /// generated at start and printed to the console.</summary>
    public string? Token { get; set; }

    /// <summary>Folder that holds run folders: runs started here are written into it, and finished runs and sweep folders
    /// (those that hold a sweep.json) are read from it.</summary>
    public string RunsDirectory { get; set; } = "runs";

    /// <summary>Folder whose files scenarios posted to the dashboard may read (a text corpus, a base's corpus); none by
    /// default, so posted scenarios may use the shipped corpora only.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Folder of the shipped scenario files; by default the copy beside the program.</summary>
    public string? ScenariosDirectory { get; set; }

    /// <summary>Gateway ports of a localhost cluster to join as a client; when empty, the dashboard hosts its own silo.</summary>
    public int[] GatewayPorts { get; set; } = [];

    /// <summary>Orleans cluster id of the cluster to join (client mode).</summary>
    public string ClusterId { get; set; } = "ecosystem";

    /// <summary>Orleans service id of the cluster to join (client mode).</summary>
    public string ServiceId { get; set; } = "ecosystem";

    /// <summary>Where the Orleans dashboard (cluster internals) is mounted.</summary>
    public string OrleansDashboardPath { get; set; } = "/orleans";

    /// <summary>Largest request body accepted, in bytes (a scenario file is a few kilobytes).</summary>
    public long MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Runs that may be in progress at once.</summary>
    public int MaxConcurrentRuns { get; set; } = 2;

    /// <summary>The first problem with these settings, or null when they are usable.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Urls))
        {
            return "Dashboard:Urls is empty.";
        }

        if (GatewayPorts.FirstOrDefault(p => p is < 1 or > 65535) is var bad and not 0)
        {
            return $"--gateway-port: found {bad}; must be 1..65535.";
        }

        if (Token is { Length: > 0 and < 16 })
        {
            return "--token: a token needs at least 16 characters.";
        }

        if (Token is { Length: > 0 } token && token.Any(c => c <= ' ' || c > '~'))
        {
            return "--token: use printable ASCII characters without spaces.";
        }

        if (!OrleansDashboardPath.StartsWith('/') || OrleansDashboardPath.Length < 2 || OrleansDashboardPath.EndsWith('/'))
        {
            return $"Dashboard:OrleansDashboardPath: found '{OrleansDashboardPath}'; expected a sub-path such as /orleans.";
        }

        if (MaxRequestBytes is < 1024 or > 64 * 1024 * 1024)
        {
            return $"Dashboard:MaxRequestBytes: found {MaxRequestBytes}; must be 1024..67108864.";
        }

        return MaxConcurrentRuns is < 1 or > 64 ? $"Dashboard:MaxConcurrentRuns: found {MaxConcurrentRuns}; must be 1..64." : null;
    }
}
