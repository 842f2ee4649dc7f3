using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ecosystem.Scenarios;

/// <summary>The JSON conventions of scenario files: camelCase names and lower-case enum values.</summary>
public static class ScenarioJson
{
    /// <summary>Options used to read and write scenarios.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,

        // Scrape filters are told apart by "kind", which people need not write first.
        AllowOutOfOrderMetadataProperties = true,
    };

    /// <summary>Serializes a resolved scenario, every default written out.</summary>
    public static string Serialize(Scenario scenario) => JsonSerializer.Serialize(scenario, Options);
}
