using System.Text.Json.Nodes;

namespace Ecosystem.Cli.Tests.Malformed;

/// <summary>Scenarios whose every value is allowed on its own but that break a rule across fields (the rules of
/// <c>ScenarioRules</c> and of policy changes), each applied where the shipped scenario makes it meaningful.</summary>
public static class RuleMutations
{
    private delegate string? Rule(JsonObject scenario);

    /// <summary>Every rule violation that applies to <paramref name="root"/>.</summary>
    public static IEnumerable<MalformedScenario> Of(string name, JsonObject root)
    {
        foreach (var (what, rule) in Rules())
        {
            var copy = (JsonObject)root.DeepClone();
            if (rule(copy) is { } expectedPath)
            {
                yield return new MalformedScenario($"{name}/rule-{what}", MutationKind.RuleViolation,
                    copy.ToJsonString(MalformedScenarioGenerator.Indented), expectedPath);
            }
        }
    }

    private static IEnumerable<(string What, Rule Rule)> Rules() =>
    [
        ("duplicate-vendor-name", s =>
        {
            var vendors = Vendors(s);
            vendors.Add(vendors[0]!.DeepClone());
            return $"$.vendors[{vendors.Count - 1}].name";
        }),
        ("vendor-named-human", s =>
        {
            Vendors(s)[0]!["name"] = "human";
            return "$.vendors[0].name";
        }),
        ("family-cannot-model-data", s =>
        {
            Model(s, 0)["family"] = DataKind(s) switch
            {
                "text" => "gaussian",
                "gaussian" => "ngram",
                "categorical" => "gmm",
                _ => "categorical",
            };
            return "$.vendors[0].model.family";
        }),
        ("fine-tuning-a-non-transformer", s =>
        {
            if (Family(s, 0) == "transformer")
            {
                return null;
            }

            Section(Vendor(s, 0), "training")["initialWeights"] = "generation0";
            return "$.vendors[0].training.initialWeights";
        }),
        ("validation-documents-for-a-non-transformer", s =>
        {
            if (Family(s, 0) == "transformer")
            {
                return null;
            }

            Section(Vendor(s, 0), "training")["validationDocuments"] = 10;
            return "$.vendors[0].training.validationDocuments";
        }),
        ("human-prompts-without-text", s =>
        {
            if (DataKind(s) == "text")
            {
                return null;
            }

            Section(Vendor(s, 0), "decoding")["prompts"] = "human";
            return "$.vendors[0].decoding.prompts";
        }),
        ("transformer-width-not-divisible-by-heads", s =>
        {
            if (DataKind(s) != "text")
            {
                return null;
            }

            var model = Model(s, 0);
            model["family"] = "transformer";
            var transformer = Section(model, "transformer");
            transformer["heads"] = 4;
            transformer["width"] = 130;
            return "$.vendors[0].model.transformer.width";
        }),
        ("first-release-after-the-last-tick", s =>
        {
            Section(Vendor(s, 0), "release")["first"] = Ticks(s);
            return "$.vendors[0].release.first";
        }),
        ("watermark-without-text", s =>
        {
            if (DataKind(s) == "text")
            {
                return null;
            }

            Vendor(s, 0)["watermark"] = new JsonObject { ["adoption"] = 0.5 };
            return "$.vendors[0].watermark";
        }),
        ("watermark-with-beam-search", s =>
        {
            if (DataKind(s) != "text")
            {
                return null;
            }

            Vendor(s, 0)["watermark"] = new JsonObject { ["adoption"] = 0.5 };
            Section(Vendor(s, 0), "decoding")["beams"] = 5;
            return "$.vendors[0].decoding.beams";
        }),
        ("paraphrase-without-text", s =>
        {
            if (DataKind(s) == "text")
            {
                return null;
            }

            Section(Vendor(s, 0), "deployment")["paraphraseRate"] = 0.2;
            return "$.vendors[0].deployment.paraphraseRate";
        }),
        ("token-filter-without-text", s =>
        {
            if (DataKind(s) == "text")
            {
                return null;
            }

            var filters = Section(Vendor(s, 0), "training")["filters"] as JsonArray ?? [];
            Section(Vendor(s, 0), "training")["filters"] = filters;
            filters.Add(new JsonObject { ["kind"] = "nearDuplicate" });
            return $"$.vendors[0].training.filters[{filters.Count - 1}].kind";
        }),
        ("categorical-probabilities-not-summing-to-one", s =>
        {
            if (DataKind(s) != "categorical")
            {
                return null;
            }

            Section(Section(s, "data"), "categorical")["probabilities"] = new JsonArray(0.5, 0.3, 0.3);
            return "$.data.categorical.probabilities";
        }),
        ("mixture-weights-not-summing-to-one", s =>
        {
            if (DataKind(s) != "mixture")
            {
                return null;
            }

            Section(Section(s, "data"), "mixture")["weights"] = new JsonArray(0.5, 0.6);
            return "$.data.mixture.weights";
        }),
        ("mixture-lengths-differ", s =>
        {
            if (DataKind(s) != "mixture")
            {
                return null;
            }

            var mixture = Section(Section(s, "data"), "mixture");
            mixture["weights"] = new JsonArray(0.5, 0.5);
            mixture["means"] = new JsonArray(-2, 0, 2);
            mixture["stddevs"] = new JsonArray(1, 1);
            return "$.data.mixture";
        }),
        ("folder-source-without-path", s =>
        {
            if (DataKind(s) != "text")
            {
                return null;
            }

            var text = Section(Section(s, "data"), "text");
            text["source"] = "folder";
            text.Remove("path");
            return "$.data.text.path";
        }),
        ("more-active-authors-than-authors", s =>
        {
            var humans = Section(s, "humans");
            humans["activeAuthors"] = (humans["authors"]?.GetValue<int>() ?? 100) + 1;
            return "$.humans.activeAuthors";
        }),
        ("last-tick-before-first-tick", s =>
        {
            var humans = Section(s, "humans");
            humans["firstTick"] = 3;
            humans["lastTick"] = 1;
            return "$.humans.lastTick";
        }),
        ("assistance-by-an-unknown-vendor", s =>
        {
            Section(s, "humans")["assistance"] = new JsonObject { ["vendor"] = "nobody", ["start"] = 5 };
            return "$.humans.assistance.vendor";
        }),
        ("assistance-before-the-first-model", s =>
        {
            if (DataKind(s) != "text")
            {
                return null;
            }

            var vendor = Vendor(s, 0);
            var first = (vendor["release"] as JsonObject)?["first"]?.GetValue<int>() ?? 0;
            Section(s, "humans")["assistance"] = new JsonObject { ["vendor"] = vendor["name"]!.DeepClone(), ["start"] = first };
            return "$.humans.assistance.start";
        }),
        ("change-at-or-after-the-last-tick", s =>
        {
            var changes = Changes(s);
            changes.Add(new JsonObject { ["tick"] = Ticks(s), ["path"] = "/vendors/0/training/keepHumanFraction", ["value"] = 0.5 });
            return $"$.changes[{changes.Count - 1}].tick";
        }),
        ("change-of-a-missing-vendor", s =>
        {
            var changes = Changes(s);
            changes.Add(new JsonObject { ["tick"] = 1, ["path"] = $"/vendors/{Vendors(s).Count}/training/policy", ["value"] = "accumulate" });
            return $"$.changes[{changes.Count - 1}].path";
        }),
        ("change-of-a-watermark-the-vendor-lacks", s =>
        {
            if (Vendor(s, 0)["watermark"] is JsonObject)
            {
                return null;
            }

            var changes = Changes(s);
            changes.Add(new JsonObject { ["tick"] = 1, ["path"] = "/vendors/0/watermark/adoption", ["value"] = 0.5 });
            return $"$.changes[{changes.Count - 1}].path";
        }),
        ("change-to-an-invalid-value", s =>
        {
            var changes = Changes(s);
            changes.Add(new JsonObject { ["tick"] = 1, ["path"] = "/vendors/0/training/keepHumanFraction", ["value"] = 7 });
            return $"$.changes[{changes.Count - 1}]";
        }),
        ("change-to-an-unknown-field", s =>
        {
            var changes = Changes(s);
            changes.Add(new JsonObject { ["tick"] = 1, ["path"] = "/vendors/0/training/keepHumanShare", ["value"] = 0.5 });
            return $"$.changes[{changes.Count - 1}]";
        }),
    ];

    private static JsonArray Vendors(JsonObject s) => (JsonArray)s["vendors"]!;

    private static JsonObject Vendor(JsonObject s, int index) => (JsonObject)Vendors(s)[index]!;

    private static JsonObject Model(JsonObject s, int index) => Section(Vendor(s, index), "model");

    private static string Family(JsonObject s, int index) => Model(s, index)["family"]?.GetValue<string>() ?? "ngram";

    private static string DataKind(JsonObject s) => (s["data"] as JsonObject)?["kind"]?.GetValue<string>() ?? "text";

    private static int Ticks(JsonObject s) => s["ticks"]?.GetValue<int>() ?? 10;

    private static JsonArray Changes(JsonObject s)
    {
        if (s["changes"] is not JsonArray changes)
        {
            changes = [];
            s["changes"] = changes;
        }

        return changes;
    }

    /// <summary>The object at <paramref name="key"/>, created when absent.</summary>
    private static JsonObject Section(JsonObject parent, string key)
    {
        if (parent[key] is not JsonObject section)
        {
            section = [];
            parent[key] = section;
        }

        return section;
    }
}
