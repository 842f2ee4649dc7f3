using System.Text.Json.Nodes;
using Ecosystem.Scenarios;

namespace Ecosystem.Scenarios.Tests;

/// <summary>The schema documents defaults for users; the records apply them. The two must agree.</summary>
public class SchemaDefaultsTests
{
    [Fact]
    public void Every_default_in_the_schema_matches_the_record_default()
    {
        var schema = JsonNode.Parse(ScenarioSchema.Text)!;
        var defaults = JsonNode.Parse(ScenarioJson.Serialize(new Scenario()))!;
        var vendorDefaults = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(new VendorSpec(), ScenarioJson.Options))!;
        var checkedCount = 0;

        void Walk(JsonNode schemaNode, JsonNode? valueNode, string path)
        {
            var node = schemaNode;
            if (node["$ref"] is { } reference)
            {
                var name = reference.GetValue<string>().Split('/').Last();
                node = schema["definitions"]![name]!;
            }

            if (schemaNode["default"] is { } expected)
            {
                Assert.True(JsonNode.DeepEquals(expected, valueNode), $"{path}: schema default {expected.ToJsonString()} but record default {valueNode?.ToJsonString() ?? "null"}");
                checkedCount++;
            }

            if (node["properties"] is JsonObject properties && valueNode is JsonObject values)
            {
                foreach (var (name, child) in properties)
                {
                    if (name != "$schema")
                    {
                        Walk(child!, values[name], $"{path}.{name}");
                    }
                }
            }
        }

        Walk(schema, defaults, "$");
        Walk(schema["definitions"]!["vendor"]!, vendorDefaults, "$.vendors[*]");

        Assert.True(checkedCount > 30, $"only {checkedCount} defaults were compared");
    }

    [Fact]
    public void Watermark_and_filter_defaults_in_the_schema_match_their_records()
    {
        // These sections are null or list items in a default scenario, so the walk above never reaches their fields.
        var definitions = JsonNode.Parse(ScenarioSchema.Text)!["definitions"]!;
        var checkedCount = 0;

        void Compare(JsonNode properties, object record, string path)
        {
            var values = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(record, record.GetType(), ScenarioJson.Options))!;
            foreach (var (name, property) in properties.AsObject())
            {
                if (property!.AsObject().TryGetPropertyValue("default", out var expected))
                {
                    Assert.True(JsonNode.DeepEquals(expected, values[name]), $"{path}.{name}: schema default {expected?.ToJsonString() ?? "null"} but record default {values[name]?.ToJsonString() ?? "null"}");
                    checkedCount++;
                }
            }
        }

        Compare(definitions["watermark"]!["properties"]!, new WatermarkSpec(), "watermark");
        ScrapeFilterSpec[] filters = [new WatermarkFilterSpec(), new ExactDuplicateFilterSpec(), new NearDuplicateFilterSpec(), new PerplexityFilterSpec(), new DetectorFilterSpec(), new CutoffFilterSpec()];
        var branches = definitions["scrapeFilter"]!["oneOf"]!.AsArray();
        Assert.Equal(filters.Length, branches.Count);
        for (var i = 0; i < filters.Length; i++)
        {
            Compare(branches[i]!["properties"]!, filters[i], $"scrapeFilter[{i}]");
        }

        var optOut = definitions["humans"]!["properties"]!["optOut"]!["properties"]!;
        Compare(optOut, new OptOutSpec(), "humans.optOut");
        Compare(optOut["genres"]!["additionalProperties"]!["properties"]!, new OptOutRate(), "humans.optOut.genres.*");
        Assert.Equal(16, checkedCount);
    }
}
