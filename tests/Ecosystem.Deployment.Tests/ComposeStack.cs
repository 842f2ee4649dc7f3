namespace Ecosystem.Deployment.Tests;

/// <summary>docker-compose.yml as <c>docker-compose config</c> (the Debian package, version 1.29) resolves it: variables
/// substituted, extension fields merged, relative paths made absolute. No container engine is needed for that.</summary>
internal sealed class ComposeStack
{
    private ComposeStack(Dictionary<object, object> config) => Config = config;

    public Dictionary<object, object> Config { get; }

    public Dictionary<object, object> Services => Config.Map("services");

    public Dictionary<object, object> Service(string name) => Services.Map(name);

    /// <summary>Resolves the compose files as given, with the variables in <paramref name="environment"/> set (a null
    /// value unsets one, so the file's defaults apply).</summary>
    public static ComposeStack Resolve(IReadOnlyDictionary<string, string?> environment, params string[] files)
    {
        string[] args = [.. files.SelectMany(f => new[] { "-f", f }), "config"];
        var result = Tool.Run("docker-compose", environment, args);
        Assert.True(result.ExitCode == 0, $"docker-compose config failed ({result.ExitCode}):\n{result.Error}{result.Output}");
        return new ComposeStack(Yaml.Parse(result.Output));
    }

    private static readonly Lazy<ComposeStack> DefaultStack = new(() => Default("docker-compose.yml"));

    /// <summary>docker-compose.yml with every variable it reads unset: the defaults written in the file (resolved once).</summary>
    public static ComposeStack Default() => DefaultStack.Value;

    /// <summary>The compose files given, with every variable they read unset.</summary>
    public static ComposeStack Default(params string[] files) =>
        Resolve(new Dictionary<string, string?> { ["TORCH_BACKEND"] = null, ["ECOSYSTEM_DASHBOARD_TOKEN"] = null, ["GRAFANA_ADMIN_PASSWORD"] = null }, files);

    /// <summary>A service's environment as name → value (the file may use the map or the list form).</summary>
    public Dictionary<string, string> Environment(string service)
    {
        var definition = Service(service);
        if (!definition.TryGetValue("environment", out var environment))
        {
            return [];
        }

        return environment switch
        {
            Dictionary<object, object> map => map.ToDictionary(p => (string)p.Key, p => p.Value as string ?? ""),
            List<object> list => list.Select(e => ((string)e).Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : ""),
            _ => [],
        };
    }

    /// <summary>A service's volumes as (source, target, read-only); named volumes have no '/' in their source.</summary>
    public IEnumerable<(string Source, string Target, bool ReadOnly)> Volumes(string service) =>
        Service(service).Strings("volumes").Select(v =>
        {
            var parts = v.Split(':');
            return (parts[0], parts[1], parts.Length > 2 && parts[2].Split(',').Contains("ro"));
        });

    /// <summary>A service's published ports as (host address or null for every interface, host port, container port).</summary>
    public IEnumerable<(string? HostAddress, string HostPort, string ContainerPort)> Ports(string service) =>
        Service(service).List("ports").Select(p =>
        {
            // docker-compose 1.29 writes the short form: [HOST_IP:]HOST_PORT:CONTAINER_PORT[/PROTOCOL].
            var parts = ((string)p).Split('/')[0].Split(':');
            return parts.Length switch
            {
                3 => (parts[0], parts[1], parts[2]),
                2 => ((string?)null, parts[0], parts[1]),
                _ => ((string?)null, parts[0], parts[0]),
            };
        });
}
