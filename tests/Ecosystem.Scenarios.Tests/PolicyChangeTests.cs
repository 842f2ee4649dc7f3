namespace Ecosystem.Scenarios.Tests;

public class PolicyChangeTests
{
    private const string Base = """
        { "name": "x", "ticks": 6,
          "vendors": [ { "name": "a", "watermark": { "adoption": 0 } }, { "name": "b" } ],
          "changes": [ CHANGES ] }
        """;

    private static Scenario Parse(string changes) => ScenarioLoader.Parse(Base.Replace("CHANGES", changes, StringComparison.Ordinal));

    [Fact]
    public void The_timeline_applies_each_change_from_its_tick_on_in_order()
    {
        var scenario = Parse("""
            { "tick": 2, "path": "/vendors/0/watermark/adoption", "value": 0.5 },
            { "tick": 4, "path": "/vendors/0/watermark/adoption", "value": 1 },
            { "tick": 4, "path": "/vendors/1/training/policy", "value": "accumulate" }
            """);
        var timeline = new ScenarioTimeline(scenario);

        Assert.Equal([0, 0, 0.5, 0.5, 1, 1], Enumerable.Range(0, 6).Select(t => timeline.At(t).Vendors[0].Watermark!.Adoption));
        Assert.Equal(DataPolicyKind.Replace, timeline.At(3).Vendors[1].Training.Policy);
        Assert.Equal(DataPolicyKind.Accumulate, timeline.At(5).Vendors[1].Training.Policy);
        Assert.Same(scenario, timeline.At(1));
        Assert.Equal([0, 0.5, 1], timeline.InForce.Select(s => s.Vendors[0].Watermark!.Adoption));
    }

    [Theory]
    [InlineData("""{ "tick": 2, "path": "/vendors/0/model/order", "value": 2 }""", "$.changes[0].path", "must match")]
    [InlineData("""{ "tick": 6, "path": "/vendors/0/decoding/temperature", "value": 0.5 }""", "$.changes[0].tick", "below ticks")]
    [InlineData("""{ "tick": 2, "path": "/vendors/1/watermark/adoption", "value": 1 }""", "$.changes[0].path", "has no watermark")]
    [InlineData("""{ "tick": 2, "path": "/vendors/7/decoding/temperature", "value": 1 }""", "$.changes[0].path", "2 vendor(s)")]
    [InlineData("""{ "tick": 2, "path": "/vendors/0/training/keepHumanFraction", "value": 3 }""", "$.changes[0]", "$.vendors[0].training.keepHumanFraction invalid: found 3; allowed: >= 0 and <= 1")]
    [InlineData("""{ "tick": 2, "path": "/vendors/0/training/policy", "value": "forget" }""", "$.changes[0]", "$.vendors[0].training.policy invalid: found \"forget\"; allowed values")]
    public void A_change_that_cannot_apply_names_the_field(string change, string path, string message)
    {
        var error = Assert.Throws<ScenarioValidationException>(() => Parse(change));

        Assert.Contains(error.Errors, e => e.Path.Contains(path, StringComparison.Ordinal) && e.Message.Contains(message, StringComparison.Ordinal));
    }
}
