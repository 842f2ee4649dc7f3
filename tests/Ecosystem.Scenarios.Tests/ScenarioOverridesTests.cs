using System.Text.Json.Nodes;
using Ecosystem.Scenarios;

namespace Ecosystem.Scenarios.Tests;

public class ScenarioOverridesTests
{
    private static JsonObject Scenario() => JsonNode.Parse("""
        { "vendors": [ { "name": "a", "training": { "policy": "replace" } }, { "name": "b" } ], "ticks": 3 }
        """)!.AsObject();

    [Fact]
    public void A_star_segment_writes_every_array_element_and_creates_missing_objects()
    {
        var json = Scenario();

        Assert.Null(ScenarioOverrides.TrySet(json, "/vendors/*/training/keepHumanFraction", JsonValue.Create(0.1)));

        Assert.Equal(0.1, json["vendors"]![0]!["training"]!["keepHumanFraction"]!.GetValue<double>());
        Assert.Equal("replace", json["vendors"]![0]!["training"]!["policy"]!.GetValue<string>());
        Assert.Equal(0.1, json["vendors"]![1]!["training"]!["keepHumanFraction"]!.GetValue<double>());
    }

    [Fact]
    public void An_index_writes_one_element_and_an_object_value_is_copied_not_shared()
    {
        var json = Scenario();
        var value = JsonNode.Parse("""{ "adoption": 0.5 }""");

        Assert.Null(ScenarioOverrides.TrySet(json, "/vendors/1/watermark", value));
        Assert.Null(ScenarioOverrides.TrySet(json, "/vendors/0/watermark", value));
        json["vendors"]![1]!["watermark"]!["adoption"] = 1.0;

        Assert.Equal(0.5, json["vendors"]![0]!["watermark"]!["adoption"]!.GetValue<double>());
        Assert.Equal(1.0, json["vendors"]![1]!["watermark"]!["adoption"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("/vendors/5/name", "not an index")]
    [InlineData("/vendors/x/name", "not an index")]
    [InlineData("/ticks/value", "is a value")]
    [InlineData("/*/name", "needs an array")]
    [InlineData("ticks", "not a JSON pointer")]
    public void A_pointer_that_cannot_be_written_is_explained(string pointer, string expected)
    {
        var problem = ScenarioOverrides.TrySet(Scenario(), pointer, JsonValue.Create(1));

        Assert.NotNull(problem);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void Escaped_segments_follow_rfc_6901()
    {
        var json = JsonNode.Parse("{}")!.AsObject();

        Assert.Null(ScenarioOverrides.TrySet(json, "/a~1b/c~0d", JsonValue.Create(true)));

        Assert.True(json["a/b"]!["c~d"]!.GetValue<bool>());
    }
}
