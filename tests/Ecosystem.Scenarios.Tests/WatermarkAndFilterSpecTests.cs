using Ecosystem.Scenarios;

namespace Ecosystem.Scenarios.Tests;

/// <summary>Scenario fields for watermarks, paraphrase and scrape filters: defaults, round trips and the messages of
/// invalid values.</summary>
public class WatermarkAndFilterSpecTests
{
    private static IReadOnlyList<ScenarioError> ErrorsOf(string vendor, string data = """{ "kind": "text" }""") =>
        ScenarioLoader.Validate($$"""{ "name": "t", "data": {{data}}, "vendors": [ {{vendor}} ] }""", out _);

    [Fact]
    public void A_watermark_section_fills_its_defaults_and_no_section_means_no_watermark()
    {
        var scenario = ScenarioLoader.Parse("""
            { "name": "t", "vendors": [ { "name": "a", "watermark": { "adoption": 0.5 } }, { "name": "b" } ] }
            """);

        Assert.Equal(new WatermarkSpec { Adoption = 0.5 }, scenario.Vendors[0].Watermark);
        Assert.Equal(0.25, scenario.Vendors[0].Watermark!.Gamma);
        Assert.Null(scenario.Vendors[1].Watermark);
        Assert.Equal(0, scenario.Vendors[1].Deployment.ParaphraseRate);
        Assert.Empty(scenario.Vendors[1].Training.Filters);
    }

    [Fact]
    public void Filters_are_read_by_kind_in_order_with_their_defaults_wherever_kind_is_written()
    {
        var scenario = ScenarioLoader.Parse("""
            { "name": "t", "vendors": [ { "name": "a", "training": { "filters": [
              { "kind": "watermark" }, { "zThreshold": 3, "kind": "watermark" }, { "kind": "exactDuplicate" },
              { "kind": "nearDuplicate", "threshold": 0.7 }, { "kind": "perplexity", "max": 500 }, { "kind": "cutoff", "tick": 3 } ] } } ] }
            """);

        Assert.Equal<ScrapeFilterSpec>(
            [
                new WatermarkFilterSpec(), new WatermarkFilterSpec { ZThreshold = 3 }, new ExactDuplicateFilterSpec(),
                new NearDuplicateFilterSpec { Threshold = 0.7 }, new PerplexityFilterSpec { Max = 500 }, new CutoffFilterSpec { Tick = 3 },
            ],
            scenario.Vendors[0].Training.Filters);
    }

    [Fact]
    public void A_resolved_scenario_with_watermarks_and_filters_reads_back_the_same()
    {
        // Grains receive the resolved scenario as JSON and validate it again: it must pass the schema.
        var scenario = ScenarioLoader.Parse("""
            { "name": "t", "vendors": [ { "name": "a", "watermark": { "key": "k" }, "deployment": { "paraphraseRate": 0.2 },
              "training": { "filters": [ { "kind": "cutoff", "tick": 2 }, { "kind": "nearDuplicate" } ] } } ] }
            """);

        var again = ScenarioLoader.Parse(ScenarioJson.Serialize(scenario));

        Assert.Equal(scenario.Vendors[0].Watermark, again.Vendors[0].Watermark);
        Assert.Equal(scenario.Vendors[0].Training.Filters, again.Vendors[0].Training.Filters);
        Assert.Equal(0.2, again.Vendors[0].Deployment.ParaphraseRate);
    }

    [Fact]
    public void A_field_of_another_filter_kind_is_named_with_the_fields_this_kind_allows()
    {
        var errors = ErrorsOf("""{ "name": "a", "training": { "filters": [ { "kind": "cutoff", "tick": 1, "zThreshold": 4 } ] } }""");

        var error = Assert.Single(errors);
        Assert.Equal("$.vendors[0].training.filters[0].zThreshold", error.Path);
        Assert.Contains("'zThreshold'", error.Message);
        Assert.Contains("tick", error.Message);
    }

    [Fact]
    public void An_unknown_filter_kind_names_the_allowed_kinds()
    {
        var errors = ErrorsOf("""{ "name": "a", "training": { "filters": [ { "kind": "toxicity" } ] } }""");

        var error = Assert.Single(errors);
        Assert.Equal("$.vendors[0].training.filters[0].kind", error.Path);
        Assert.Contains("\"toxicity\"", error.Message);
        Assert.Contains("\"nearDuplicate\"", error.Message);
    }

    [Fact]
    public void A_filter_without_its_required_field_or_out_of_range_is_named()
    {
        var missing = Assert.Single(ErrorsOf("""{ "name": "a", "training": { "filters": [ { "kind": "perplexity" } ] } }"""));
        Assert.Equal("$.vendors[0].training.filters[0].max", missing.Path);
        Assert.Contains("'max'", missing.Message);

        var range = Assert.Single(ErrorsOf("""{ "name": "a", "training": { "filters": [ { "kind": "nearDuplicate", "threshold": 1.5 } ] } }"""));
        Assert.Equal("$.vendors[0].training.filters[0].threshold", range.Path);
        Assert.Contains("<= 1", range.Message);
    }

    [Theory]
    [InlineData("""{ "adoption": 1.2 }""", "adoption")]
    [InlineData("""{ "gamma": 1 }""", "gamma")]
    [InlineData("""{ "delta": -1 }""", "delta")]
    [InlineData("""{ "key": "" }""", "key")]
    public void Watermark_settings_out_of_range_are_named(string watermark, string field)
    {
        var error = Assert.Single(ErrorsOf($$"""{ "name": "a", "watermark": {{watermark}} }"""));
        Assert.Equal($"$.vendors[0].watermark.{field}", error.Path);
    }

    [Fact]
    public void Only_text_vendors_watermark_paraphrase_or_filter_by_watermark_and_near_duplicates()
    {
        const string gaussian = """{ "kind": "gaussian" }""";
        var errors = ErrorsOf(
            """
            { "name": "a", "model": { "family": "gaussian" }, "watermark": {}, "deployment": { "paraphraseRate": 0.1 },
              "training": { "filters": [ { "kind": "watermark" }, { "kind": "nearDuplicate" }, { "kind": "exactDuplicate" }, { "kind": "cutoff", "tick": 1 } ] } }
            """,
            gaussian);

        Assert.Equal(
            ["$.vendors[0].watermark", "$.vendors[0].deployment.paraphraseRate", "$.vendors[0].training.filters[0].kind", "$.vendors[0].training.filters[1].kind"],
            errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.Contains("text", e.Message));
    }

    [Fact]
    public void A_watermarked_transformer_must_sample_rather_than_search_beams()
    {
        var error = Assert.Single(ErrorsOf("""{ "name": "a", "model": { "family": "transformer" }, "watermark": {}, "decoding": { "beams": 5 } }"""));

        Assert.Equal("$.vendors[0].decoding.beams", error.Path);
        Assert.Empty(ErrorsOf("""{ "name": "a", "model": { "family": "transformer" }, "watermark": {} }"""));
    }
}
