using System.Text.Json;
using Ecosystem.Dashboard.Runs;
using Ecosystem.Scenarios;

namespace Ecosystem.Dashboard.Api;

/// <summary>The body of <c>POST /api/runs</c>: <c>{"scenario": "quickstart"}</c> (a shipped scenario) or
/// <c>{"definition": {...}}</c> (a scenario document, or its text as a string), with an optional <c>"seed"</c>.</summary>
public static class StartRunRequest
{
    private static readonly string[] Fields = ["scenario", "definition", "seed"];

    /// <summary>The scenario to run, or the 400 answer that says what is wrong.</summary>
    public static (Scenario? Scenario, IResult? Error) Parse(JsonElement body, ShippedScenarios shipped)
    {
        var errors = JsonBody.UnknownFields(body, "$", Fields).ToList();
        var hasName = body.TryGetProperty("scenario", out var name);
        var hasDefinition = body.TryGetProperty("definition", out var definition);
        if (hasName == hasDefinition)
        {
            errors.Add(new RequestError("$", "give exactly one of \"scenario\" (a shipped scenario's name) and \"definition\" (a scenario document)"));
        }

        long? seed = null;
        if (body.TryGetProperty("seed", out var seedElement) && seedElement.ValueKind != JsonValueKind.Null)
        {
            if (seedElement.ValueKind == JsonValueKind.Number && seedElement.TryGetInt64(out var s) && s >= 0)
            {
                seed = s;
            }
            else
            {
                errors.Add(new RequestError("$.seed", $"found {seedElement.GetRawText()}; expected an integer >= 0"));
            }
        }

        if (errors.Count > 0)
        {
            return (null, ApiProblems.Invalid("The request is not valid", errors));
        }

        Scenario scenario;
        if (hasName)
        {
            if (name.ValueKind != JsonValueKind.String || shipped.Find(name.GetString()!) is not { } found)
            {
                var shown = name.ValueKind == JsonValueKind.String ? $"'{name.GetString()}'" : JsonBody.Describe(name.ValueKind);
                return (null, ApiProblems.Invalid("Unknown scenario",
                    [new RequestError("$.scenario", $"found {shown}; shipped scenarios: {string.Join(", ", shipped.Names)}")]));
            }

            scenario = found;
        }
        else
        {
            var text = definition.ValueKind switch
            {
                JsonValueKind.Object => definition.GetRawText(),
                JsonValueKind.String => definition.GetString()!,
                _ => null,
            };
            if (text is null)
            {
                return (null, ApiProblems.Invalid("The request is not valid",
                    [new RequestError("$.definition", $"found {JsonBody.Describe(definition.ValueKind)}; expected a scenario object or its JSON text")]));
            }

            try
            {
                scenario = ScenarioLoader.Parse(text, "posted scenario");
            }
            catch (ScenarioValidationException e)
            {
                return (null, ApiProblems.InvalidScenario("$.definition", e));
            }
        }

        return (seed is { } chosen ? scenario with { Seed = chosen } : scenario, null);
    }
}
