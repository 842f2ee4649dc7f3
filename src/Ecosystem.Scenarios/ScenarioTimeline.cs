using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ecosystem.Scenarios;

/// <summary>The scenario in force at each tick of a run whose policies change over time (<see cref="Scenario.Changes"/>):
/// the base scenario with every change of an earlier or the same tick applied, in order.</summary>
public sealed class ScenarioTimeline
{
    private readonly (int From, Scenario Scenario)[] _variants;

    /// <summary>Resolves every variant of <paramref name="scenario"/> once.</summary>
    public ScenarioTimeline(Scenario scenario)
    {
        Base = scenario;
        _variants = [.. scenario.Changes.Select(c => c.Tick).Distinct().Order().Select(t => (t, Resolve(scenario, t)))];
    }

    /// <summary>The scenario as written, with its changes.</summary>
    public Scenario Base { get; }

    /// <summary>Every scenario in force at some tick of the run: the base and each variant its changes make.</summary>
    public IEnumerable<Scenario> InForce => _variants.Length > 0 && _variants[0].From == 0
        ? _variants.Select(v => v.Scenario)
        : _variants.Select(v => v.Scenario).Prepend(Base);

    /// <summary>The scenario in force at <paramref name="tick"/>.</summary>
    public Scenario At(int tick)
    {
        var current = Base;
        foreach (var (from, variant) in _variants)
        {
            if (from > tick)
            {
                break;
            }

            current = variant;
        }

        return current;
    }

    /// <summary>The base scenario with the changes of ticks up to <paramref name="tick"/> applied (and no changes left).</summary>
    /// <exception cref="ScenarioValidationException">A change cannot be applied or makes the scenario invalid.</exception>
    public static Scenario Resolve(Scenario scenario, int tick)
    {
        var json = JsonNode.Parse(ScenarioJson.Serialize(scenario with { Changes = [] }))!.AsObject();
        var errors = new List<ScenarioError>();
        for (var i = 0; i < scenario.Changes.Count; i++)
        {
            var change = scenario.Changes[i];
            if (change.Tick <= tick && ScenarioOverrides.TrySet(json, change.Path, change.Value) is { } problem)
            {
                errors.Add(new ScenarioError($"$.changes[{i}].path", problem));
            }
        }

        if (errors.Count == 0)
        {
            errors.AddRange(ScenarioLoader.Validate(json.ToJsonString(), out var resolved)
                .Select(e => Attribute(scenario, tick, e)));
            if (errors.Count == 0)
            {
                return resolved!;
            }
        }

        throw new ScenarioValidationException("scenario", errors);
    }

    /// <summary>Names the change that made the scenario in force at <paramref name="tick"/> invalid: the last change in
    /// force whose pointer leads to (or into) the field of <paramref name="error"/>.</summary>
    private static ScenarioError Attribute(Scenario scenario, int tick, ScenarioError error)
    {
        var field = Regex.Matches(error.Path, @"\.([^.\[]+)|\[(\d+)\]").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToList();
        for (var i = scenario.Changes.Count - 1; i >= 0; i--)
        {
            var change = scenario.Changes[i];
            var pointer = change.Path.TrimStart('/').Split('/');
            if (change.Tick <= tick && pointer.Zip(field).All(p => p.First == "*" || p.First == p.Second))
            {
                return new ScenarioError($"$.changes[{i}]", $"from tick {change.Tick}, {change.Path} makes {error.Path} invalid: {error.Message}");
            }
        }

        return new ScenarioError("$.changes", $"the scenario in force from tick {tick} is invalid at {error.Path}: {error.Message}");
    }
}
