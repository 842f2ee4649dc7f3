using Ecosystem.Scenarios;

namespace Ecosystem.Dashboard.Runs;

/// <summary>The scenario files shipped in <c>scenarios/</c>, by name (the file name without <c>.json</c>); a run can
/// be started from one of these by name, and from nothing else on the server's disk.</summary>
public sealed class ShippedScenarios
{
    private readonly Lazy<IReadOnlyDictionary<string, Scenario>> _scenarios;

    /// <summary>Reads the scenarios of <paramref name="directory"/> on first use; files that do not validate are left out.</summary>
    public ShippedScenarios(string directory, ILogger<ShippedScenarios>? log = null)
    {
        Directory = Path.GetFullPath(directory);
        _scenarios = new Lazy<IReadOnlyDictionary<string, Scenario>>(() => Load(Directory, log));
    }

    /// <summary>The folder read.</summary>
    public string Directory { get; }

    /// <summary>Names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _scenarios.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Every shipped scenario, sorted by name.</summary>
    public IReadOnlyList<ShippedScenario> List() =>
        [.. _scenarios.Value.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new ShippedScenario(p.Key, p.Value.Description, p.Value.Ticks, p.Value.Vendors.Count, p.Value.Seed))];

    /// <summary>The scenario of that name, or null when none is shipped.</summary>
    public Scenario? Find(string name) => _scenarios.Value.GetValueOrDefault(name);

    private static Dictionary<string, Scenario> Load(string directory, ILogger? log)
    {
        var scenarios = new Dictionary<string, Scenario>(StringComparer.Ordinal);
        if (!System.IO.Directory.Exists(directory))
        {
            log?.LogWarning("No scenarios folder at {Directory}: no shipped scenario can be started.", directory);
            return scenarios;
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*.json"))
        {
            if (file.EndsWith(".schema.json", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                scenarios[Path.GetFileNameWithoutExtension(file)] = ScenarioLoader.LoadFile(file);
            }
            catch (ScenarioValidationException e)
            {
                log?.LogWarning("Scenario {File} is left out: {Problems}", file, e.Message);
            }
        }

        return scenarios;
    }
}
