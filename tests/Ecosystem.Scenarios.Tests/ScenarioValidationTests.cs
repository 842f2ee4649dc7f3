using Ecosystem.Scenarios;

namespace Ecosystem.Scenarios.Tests;

public class ScenarioValidationTests
{
    private const string Minimal = """{ "name": "t", "vendors": [ { "name": "a" } ] }""";

    private static IReadOnlyList<ScenarioError> ErrorsOf(string json) => ScenarioLoader.Validate(json, out _);

    [Fact]
    public void A_minimal_scenario_gets_every_default()
    {
        var scenario = ScenarioLoader.Parse(Minimal);

        Assert.Equal(new Scenario().Ticks, scenario.Ticks);
        Assert.Equal(ModelFamilyKind.Ngram, scenario.Vendors[0].Model.Family);
        Assert.Equal(DataPolicyKind.Replace, scenario.Vendors[0].Training.Policy);
        Assert.Equal(128, scenario.Data.Text.DocumentTokens);
    }

    [Fact]
    public void Genre_rates_are_read_need_text_data_and_must_not_be_negative()
    {
        var scenario = ScenarioLoader.Parse("""{ "name": "t", "humans": { "genreRates": { "humor": 0.5, "science_fiction": 2 } }, "vendors": [ { "name": "a" } ] }""");
        var theory = ErrorsOf("""{ "name": "t", "data": { "kind": "gaussian" }, "humans": { "genreRates": { "humor": 0.5 } }, "vendors": [ { "name": "a", "model": { "family": "gaussian" } } ] }""");
        var negative = ErrorsOf("""{ "name": "t", "humans": { "genreRates": { "humor": -1 } }, "vendors": [ { "name": "a" } ] }""");

        Assert.Equal(0.5, scenario.Humans.GenreRates!["humor"]);
        Assert.Equal(2, scenario.Humans.GenreRates["science_fiction"]);
        Assert.Equal("$.humans.genreRates", Assert.Single(theory).Path);
        Assert.Contains("need text data", theory[0].Message);
        Assert.StartsWith("$.humans.genreRates", Assert.Single(negative).Path);
    }

    [Fact]
    public void A_base_is_read_with_its_defaults_and_its_path_is_resolved_from_the_scenario_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ecosystem-base-spec-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "s.json");
            File.WriteAllText(file, """
                { "name": "t", "vendors": [ { "name": "a", "model": { "family": "transformer", "base": { "source": "jsonl", "path": "web.jsonl", "maxTokens": 1000 } },
                  "training": { "initialWeights": "base" }, "decoding": { "noRepeatNgramSize": 3, "repetitionPenalty": 1.2 } } ] }
                """);
            var vendor = ScenarioLoader.LoadFile(file).Vendors[0];

            Assert.Equal(InitialWeights.Base, vendor.Training.InitialWeights);
            Assert.Equal(TextSource.Jsonl, vendor.Model.Base!.Source);
            Assert.Equal(Path.Combine(folder, "web.jsonl"), vendor.Model.Base.Path);
            Assert.Equal((1, 1000L, 3e-3, 0L), (vendor.Model.Base.Epochs, vendor.Model.Base.MaxTokens!.Value, vendor.Model.Base.LearningRate, vendor.Model.Base.Seed));
            Assert.Equal((3, 1.2), (vendor.Decoding.NoRepeatNgramSize, vendor.Decoding.RepetitionPenalty));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("""{ "family": "transformer" }""", """{ "initialWeights": "base" }""", "$.vendors[0].model.base", "missing")]
    [InlineData("""{ "family": "ngram", "base": {} }""", """{ "initialWeights": "scratch" }""", "$.vendors[0].model.base", "only a transformer")]
    [InlineData("""{ "family": "ngram" }""", """{ "initialWeights": "base" }""", "$.vendors[0].training.initialWeights", "only \"transformer\"")]
    [InlineData("""{ "family": "transformer", "base": { "source": "folder" } }""", """{ "initialWeights": "base" }""", "$.vendors[0].model.base.path", "missing")]
    [InlineData("""{ "family": "transformer", "base": { "epochs": 0 } }""", """{ "initialWeights": "base" }""", "$.vendors[0].model.base.epochs", "")]
    public void A_base_that_cannot_be_built_or_used_is_refused_with_its_path(string model, string training, string path, string message)
    {
        var errors = ErrorsOf($$"""{ "name": "t", "vendors": [ { "name": "a", "model": {{model}}, "training": {{training}} } ] }""");

        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("""{ "crawlPolicy": { "kind": "uniform" } }""", "$.vendors[0].training.crawlBudget", "required when training.crawlPolicy.kind is \"uniform\"")]
    [InlineData("""{ "crawlBudget": 10, "crawlPolicy": { "kind": "recency" } }""", "$.vendors[0].training.crawlPolicy.halfLife", "required when kind is \"recency\"")]
    [InlineData("""{ "crawlBudget": 10, "crawlPolicy": { "kind": "uniform", "halfLife": 2 } }""", "$.vendors[0].training.crawlPolicy.halfLife", "only a \"recency\" crawl")]
    [InlineData("""{ "crawlBudget": 10, "crawlPolicy": { "kind": "recency", "halfLife": 0 } }""", "$.vendors[0].training.crawlPolicy.halfLife", "")]
    [InlineData("""{ "crawlBudget": 10, "crawlPolicy": { "kind": "oldest" } }""", "$.vendors[0].training.crawlPolicy.kind", "\"recency\"")]
    public void A_crawl_policy_that_cannot_be_followed_is_refused_with_its_path(string training, string path, string message)
    {
        var errors = ErrorsOf($$"""{ "name": "t", "vendors": [ { "name": "a", "training": {{training}} } ] }""");

        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("""{ "documentsPerTick": 1, "lastTick": 0 }""", """{ "realWeight": 0.6 }""", """{ }""", "no real part")]
    [InlineData("""{ }""", """{ "realWeight": 0.6 }""", """{ "documentsPerTick": 0 }""", "no synthetic part")]
    [InlineData("""{ }""", """{ "realWeight": 1.5 }""", """{ }""", "")]
    [InlineData("""{ }""", """{ "realWeight": "half" }""", """{ }""", "")]
    public void A_real_weight_without_both_parts_to_weigh_is_refused_with_its_path(string humans, string training, string deployment, string message)
    {
        var errors = ErrorsOf($$"""{ "name": "t", "humans": {{humans}}, "vendors": [ { "name": "a", "training": {{training}}, "deployment": {{deployment}} } ] }""");

        var error = Assert.Single(errors);
        Assert.Equal("$.vendors[0].training.realWeight", error.Path);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("""{ "optOut": { "share": 1.5 } }""", "$.humans.optOut.share")]
    [InlineData("""{ "optOut": { "growthPerTick": -0.1 } }""", "$.humans.optOut.growthPerTick")]
    [InlineData("""{ "optOut": { "genres": { "news": { "share": 2 } } } }""", "$.humans.optOut.genres.news.share")]
    [InlineData("""{ "optOut": { "shares": 0.1 } }""", "$.humans.optOut.shares")]
    public void A_bad_opt_out_is_refused_with_its_path(string humans, string path)
    {
        var errors = ErrorsOf($$"""{ "name": "t", "humans": {{humans}}, "vendors": [ { "name": "a" } ] }""");

        Assert.Equal(path, Assert.Single(errors).Path);
    }

    [Theory]
    [InlineData("""{ "kind": "gaussian" }""", """{ "family": "gaussian" }""", """{ "kind": "detector" }""", "$.vendors[0].training.filters[0].kind", "held-out human text")]
    [InlineData("""{ "kind": "text" }""", """{ "family": "transformer" }""", """{ "kind": "detector", "score": "binoculars" }""", "$.vendors[0].training.filters[0].score", "\"perplexity\"")]
    [InlineData("""{ "kind": "text" }""", """{ "family": "ngram" }""", """{ "kind": "detector", "falsePositiveRate": 1 }""", "$.vendors[0].training.filters[0].falsePositiveRate", "")]
    [InlineData("""{ "kind": "text" }""", """{ "family": "ngram" }""", """{ "kind": "detector", "reference": "base" }""", "$.vendors[0].training.filters[0].reference", "no pretrained base")]
    [InlineData("""{ "kind": "text" }""", """{ "family": "transformer", "base": {} }""", """{ "kind": "detector", "reference": "base", "score": "binoculars" }""", "$.vendors[0].training.filters[0].score", "\"perplexity\"")]
    [InlineData("""{ "kind": "text" }""", """{ "family": "ngram" }""", """{ "kind": "detector", "reference": "latest" }""", "$.vendors[0].training.filters[0].reference", "\"generation0\", \"base\"")]
    public void A_detector_that_cannot_be_calibrated_or_scored_is_refused_with_its_path(string data, string model, string filter, string path, string message)
    {
        var errors = ErrorsOf($$"""{ "name": "t", "data": {{data}}, "vendors": [ { "name": "a", "model": {{model}}, "training": { "filters": [ {{filter}} ] } } ] }""");

        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_known_variance_needs_gaussian_data()
    {
        var errors = ErrorsOf("""{ "name": "t", "data": { "kind": "categorical" }, "vendors": [ { "name": "a", "model": { "family": "categorical", "variance": "known" } } ] }""");

        var error = Assert.Single(errors);
        Assert.Equal("$.vendors[0].model.variance", error.Path);
        Assert.Contains("\"unbiased\", \"mle\"", error.Message);
    }

    [Theory]
    [InlineData("""{ "documentsPerTick": 1, "lastTick": 0 }""", """{ "realWeight": 0.618, "freshHumanDocuments": 1 }""")]
    [InlineData("""{ "documentsPerTick": 1, "lastTick": 0 }""", """{ "realWeight": 0.5, "keepHumanFraction": 0.5 }""")]
    [InlineData("""{ }""", """{ "realWeight": 0.3 }""")]
    [InlineData("""{ "documentsPerTick": 1, "lastTick": 0 }""", """{ "realWeight": null }""")]
    public void A_real_weight_with_real_and_synthetic_data_to_weigh_is_accepted(string humans, string training)
    {
        Assert.Empty(ErrorsOf($$"""{ "name": "t", "humans": {{humans}}, "vendors": [ { "name": "a", "training": {{training}} } ] }"""));
    }

    [Fact]
    public void A_whole_web_crawl_by_recency_is_accepted()
    {
        Assert.Empty(ErrorsOf("""{ "name": "t", "vendors": [ { "name": "a", "training": { "crawlBudget": 100, "crawlPolicy": { "kind": "recency", "halfLife": 2.5 } } } ] }"""));
    }

    [Fact]
    public void An_unknown_field_is_named_with_the_allowed_fields()
    {
        var errors = ErrorsOf("""{ "name": "t", "vendors": [ { "name": "a", "modle": {} } ] }""");

        var error = Assert.Single(errors);
        Assert.Equal("$.vendors[0].modle", error.Path);
        Assert.Contains("'modle'", error.Message);
        Assert.Contains("model", error.Message);
        Assert.Contains("training", error.Message);
    }

    [Fact]
    public void A_bad_enum_value_names_the_field_what_was_found_and_the_allowed_values()
    {
        var errors = ErrorsOf("""{ "name": "t", "vendors": [ { "name": "a", "model": { "family": "lstm" } } ] }""");

        var error = Assert.Single(errors);
        Assert.Equal("$.vendors[0].model.family", error.Path);
        Assert.Contains("\"lstm\"", error.Message);
        Assert.Contains("\"ngram\"", error.Message);
        Assert.Contains("\"gaussian\"", error.Message);
    }

    [Fact]
    public void An_out_of_range_number_names_the_range()
    {
        var errors = ErrorsOf("""{ "name": "t", "vendors": [ { "name": "a", "training": { "keepHumanFraction": 1.5 } } ] }""");

        var error = Assert.Single(errors);
        Assert.Equal("$.vendors[0].training.keepHumanFraction", error.Path);
        Assert.Contains("1.5", error.Message);
        Assert.Contains("<= 1", error.Message);
    }

    [Fact]
    public void A_wrong_type_names_the_expected_type()
    {
        var errors = ErrorsOf("""{ "name": "t", "ticks": "ten", "vendors": [ { "name": "a" } ] }""");

        var error = Assert.Single(errors);
        Assert.Equal("$.ticks", error.Path);
        Assert.Contains("\"ten\"", error.Message);
        Assert.Contains("integer", error.Message);
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        var errors = ErrorsOf("""{ "name": "t" }""");

        Assert.Contains(errors, e => e.Message.Contains("'vendors'", StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_json_gives_line_and_position()
    {
        var errors = ErrorsOf("{ \"name\": \"t\",\n  \"vendors\": [ }");

        var error = Assert.Single(errors);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void A_model_family_that_cannot_fit_the_data_is_rejected()
    {
        var errors = ErrorsOf("""{ "name": "t", "data": { "kind": "gaussian" }, "vendors": [ { "name": "a", "model": { "family": "ngram" } } ] }""");

        var error = Assert.Single(errors);
        Assert.Equal("$.vendors[0].model.family", error.Path);
        Assert.Contains("\"gaussian\"", error.Message);
    }

    [Fact]
    public void Probabilities_must_sum_to_one()
    {
        var errors = ErrorsOf("""{ "name": "t", "data": { "kind": "categorical", "categorical": { "probabilities": [0.5, 0.6] } }, "vendors": [ { "name": "a", "model": { "family": "categorical" } } ] }""");

        var error = Assert.Single(errors);
        Assert.Equal("$.data.categorical.probabilities", error.Path);
    }

    [Fact]
    public void Vendor_names_must_be_unique()
    {
        var errors = ErrorsOf("""{ "name": "t", "vendors": [ { "name": "a" }, { "name": "a" } ] }""");

        Assert.Equal("$.vendors[1].name", Assert.Single(errors).Path);
    }

    [Fact]
    public void Several_problems_are_all_reported()
    {
        var errors = ErrorsOf("""{ "name": "T T", "ticks": 0, "vendors": [ { "name": "a", "decoding": { "temperature": -1 } } ] }""");

        Assert.Contains(errors, e => e.Path == "$.name");
        Assert.Contains(errors, e => e.Path == "$.ticks");
        Assert.Contains(errors, e => e.Path == "$.vendors[0].decoding.temperature");
    }

    [Fact]
    public void A_missing_file_is_a_validation_error()
    {
        var e = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.LoadFile("no-such-scenario.json"));

        Assert.Contains("does not exist", e.Message);
    }
}
