using System.Globalization;

namespace Ecosystem.Scenarios;

/// <summary>Checks that a schema-valid scenario also makes sense as a whole (cross-field rules the schema cannot state).</summary>
internal static class ScenarioRules
{
    private static readonly IReadOnlyDictionary<DataKind, ModelFamilyKind[]> FamiliesByData = new Dictionary<DataKind, ModelFamilyKind[]>
    {
        [DataKind.Text] = [ModelFamilyKind.Ngram, ModelFamilyKind.Transformer],
        [DataKind.Gaussian] = [ModelFamilyKind.Gaussian, ModelFamilyKind.Gmm],
        [DataKind.Categorical] = [ModelFamilyKind.Categorical],
        [DataKind.Mixture] = [ModelFamilyKind.Gmm, ModelFamilyKind.Gaussian],
    };

    /// <summary>Families whose samplers can add a watermark's bias to token logits.</summary>
    private static readonly ModelFamilyKind[] WatermarkingFamilies = [ModelFamilyKind.Ngram, ModelFamilyKind.Transformer];

    public static IEnumerable<ScenarioError> Check(Scenario scenario)
    {
        var data = scenario.Data;
        if (data.Kind == DataKind.Text && data.Text.Source != TextSource.Brown && string.IsNullOrWhiteSpace(data.Text.Path))
        {
            yield return new ScenarioError("$.data.text.path", $"required when data.text.source is \"{Lower(data.Text.Source)}\"");
        }

        if (data.Kind == DataKind.Categorical)
        {
            foreach (var error in CheckSumsToOne("$.data.categorical.probabilities", data.Categorical.Probabilities))
            {
                yield return error;
            }
        }

        if (data.Kind == DataKind.Mixture)
        {
            var mixture = data.Mixture;
            foreach (var error in CheckSumsToOne("$.data.mixture.weights", mixture.Weights))
            {
                yield return error;
            }

            if (mixture.Means.Count != mixture.Weights.Count || mixture.Stddevs.Count != mixture.Weights.Count)
            {
                yield return new ScenarioError("$.data.mixture", $"weights, means and stddevs must have the same length; found {mixture.Weights.Count}, {mixture.Means.Count} and {mixture.Stddevs.Count}");
            }
        }

        for (var i = 0; i < scenario.Changes.Count; i++)
        {
            var change = scenario.Changes[i];
            if (change.Tick >= scenario.Ticks)
            {
                yield return new ScenarioError($"$.changes[{i}].tick", $"found {change.Tick}; must be below ticks ({scenario.Ticks}) to change anything");
            }

            var segments = change.Path.Split('/');
            if (segments.Length > 2 && int.TryParse(segments[2], NumberStyles.None, CultureInfo.InvariantCulture, out var vendor))
            {
                if (vendor >= scenario.Vendors.Count)
                {
                    yield return new ScenarioError($"$.changes[{i}].path", $"found vendor index {vendor}; the scenario has {scenario.Vendors.Count} vendor(s)");
                }
                else if (segments[3] == "watermark" && scenario.Vendors[vendor].Watermark is null)
                {
                    // The detector knows the watermarking vendors' keys from the start; adoption can change, the key cannot appear.
                    yield return new ScenarioError($"$.changes[{i}].path",
                        $"vendor \"{scenario.Vendors[vendor].Name}\" has no watermark; give it one (adoption 0) to change its adoption later");
                }
            }
        }

        var humans = scenario.Humans;
        if (humans.ActiveAuthors is { } active && active > humans.Authors)
        {
            yield return new ScenarioError("$.humans.activeAuthors", $"found {active}; must be at most humans.authors ({humans.Authors})");
        }

        if (humans.Assistance is { } assistance)
        {
            if (data.Kind != DataKind.Text)
            {
                yield return new ScenarioError("$.humans.assistance", "writing assistance needs text data (data.kind \"text\")");
            }

            var assistant = scenario.Vendors.FirstOrDefault(v => v.Name == assistance.Vendor);
            if (assistant is null)
            {
                yield return new ScenarioError("$.humans.assistance.vendor",
                    $"found \"{assistance.Vendor}\"; must name a vendor: {string.Join(", ", scenario.Vendors.Select(v => $"\"{v.Name}\""))}");
            }
            else if (assistance.Start <= assistant.Release.First)
            {
                // Humans publish before vendors train in a tick, so a model trained at tick t assists from tick t + 1.
                yield return new ScenarioError("$.humans.assistance.start",
                    $"found {assistance.Start}; \"{assistant.Name}\" first deploys a model at tick {assistant.Release.First}, which assists from tick {assistant.Release.First + 1}");
            }
        }

        if (humans.GenreRates is { Count: > 0 } && data.Kind != DataKind.Text)
        {
            yield return new ScenarioError("$.humans.genreRates", "publishing rates per genre need text data (data.kind \"text\"), whose authors have genres");
        }

        if (humans.LastTick is { } last && last < humans.FirstTick)
        {
            yield return new ScenarioError("$.humans.lastTick", $"found {last}; must be >= humans.firstTick ({humans.FirstTick}) or null");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scenario.Vendors.Count; i++)
        {
            var vendor = scenario.Vendors[i];
            var path = $"$.vendors[{i}]";
            if (!names.Add(vendor.Name))
            {
                yield return new ScenarioError($"{path}.name", $"found \"{vendor.Name}\"; vendor names must be unique");
            }

            if (vendor.Name == "human")
            {
                // "human" labels human-written data in the who-trained-on-whom rows.
                yield return new ScenarioError($"{path}.name", "found \"human\"; that name is reserved for human-written data, choose another");
            }

            var crawl = vendor.Training.CrawlPolicy;
            if (crawl.Kind != CrawlPolicyKind.New && vendor.Training.CrawlBudget is null)
            {
                yield return new ScenarioError($"{path}.training.crawlBudget",
                    $"required when training.crawlPolicy.kind is \"{Lower(crawl.Kind)}\": a crawl over the whole web takes a budget of documents");
            }

            if (crawl.Kind == CrawlPolicyKind.Recency && crawl.HalfLife is null)
            {
                yield return new ScenarioError($"{path}.training.crawlPolicy.halfLife", "required when kind is \"recency\": a number of ticks above 0");
            }
            else if (crawl.Kind != CrawlPolicyKind.Recency && crawl.HalfLife is not null)
            {
                yield return new ScenarioError($"{path}.training.crawlPolicy.halfLife", $"found {crawl.HalfLife}; only a \"recency\" crawl has a half-life");
            }

            var allowed = FamiliesByData[data.Kind];
            if (!allowed.Contains(vendor.Model.Family))
            {
                yield return new ScenarioError(
                    $"{path}.model.family",
                    $"found \"{Lower(vendor.Model.Family)}\", which cannot model data.kind \"{Lower(data.Kind)}\"; allowed values: {string.Join(", ", allowed.Select(f => $"\"{Lower(f)}\""))}");
            }

            if (vendor.Training.InitialWeights != InitialWeights.Scratch && vendor.Model.Family != ModelFamilyKind.Transformer)
            {
                yield return new ScenarioError(
                    $"{path}.training.initialWeights",
                    $"found \"{Lower(vendor.Training.InitialWeights)}\" with model.family \"{Lower(vendor.Model.Family)}\"; only \"transformer\" can be fine-tuned, allowed values: \"scratch\"");
            }

            if (vendor.Training.ValidationDocuments > 0 && (vendor.Model.Family != ModelFamilyKind.Transformer || data.Kind != DataKind.Text))
            {
                yield return new ScenarioError(
                    $"{path}.training.validationDocuments",
                    $"found {vendor.Training.ValidationDocuments} with model.family \"{Lower(vendor.Model.Family)}\" and data.kind \"{Lower(data.Kind)}\"; only a \"transformer\" on \"text\" data trains in epochs to choose from, allowed value: 0");
            }

            if (vendor.Model.Variance == VarianceEstimatorKind.Known && (data.Kind != DataKind.Gaussian || vendor.Model.Family != ModelFamilyKind.Gaussian))
            {
                yield return new ScenarioError($"{path}.model.variance",
                    $"found \"known\" with model.family \"{Lower(vendor.Model.Family)}\" and data.kind \"{Lower(data.Kind)}\"; the known variance is that of gaussian data, " +
                    "allowed with other data: \"unbiased\", \"mle\"");
            }

            foreach (var error in RealWeightErrors(scenario, vendor, path))
            {
                yield return error;
            }

            foreach (var error in BaseErrors(vendor, path, data))
            {
                yield return error;
            }

            if (vendor.Decoding.Prompts != PromptSource.None && data.Kind != DataKind.Text)
            {
                yield return new ScenarioError(
                    $"{path}.decoding.prompts",
                    $"found \"{Lower(vendor.Decoding.Prompts)}\" with data.kind \"{Lower(data.Kind)}\"; prompts need text, allowed values: \"none\"");
            }

            if (vendor.Model.Family == ModelFamilyKind.Transformer)
            {
                var transformer = vendor.Model.Transformer;
                if (transformer.Width % transformer.Heads != 0 || transformer.Width / transformer.Heads % 2 != 0)
                {
                    yield return new ScenarioError(
                        $"{path}.model.transformer.width",
                        $"found {transformer.Width} with {transformer.Heads} heads; width must be a multiple of heads with an even quotient (rotary positions rotate pairs)");
                }
            }

            if (vendor.Release.First >= scenario.Ticks)
            {
                yield return new ScenarioError($"{path}.release.first", $"found {vendor.Release.First}; must be < ticks ({scenario.Ticks}) or the vendor never trains");
            }

            foreach (var error in CheckTextOnly(vendor, path, data.Kind))
            {
                yield return error;
            }
        }
    }

    /// <summary>A weight for the real part against the synthetic part needs both parts in the training sets of the
    /// generations after the first: some synthetic text to scrape, and real text that keeps coming (published after
    /// tick 0, fresh, kept or accumulated).</summary>
    private static IEnumerable<ScenarioError> RealWeightErrors(Scenario scenario, VendorSpec vendor, string path)
    {
        if (vendor.Training.RealWeight is null)
        {
            yield break;
        }

        var training = vendor.Training;
        var writers = training.Sources == ScrapeSources.Self ? [vendor] : scenario.Vendors;
        if (writers.All(v => v.Deployment.DocumentsPerTick == 0))
        {
            yield return new ScenarioError($"{path}.training.realWeight",
                $"found {training.RealWeight} but the training sets have no synthetic part: {(training.Sources == ScrapeSources.Self ? "the vendor's own deployment.documentsPerTick is 0" : "every vendor's deployment.documentsPerTick is 0")}; " +
                "allowed: null, or a deployment that publishes");
        }

        var humans = scenario.Humans;
        var humansKeepWriting = humans.DocumentsPerTick > 0 && (humans.LastTick is null || humans.LastTick > humans.FirstTick);
        var realLater = humansKeepWriting || training.FreshHumanDocuments > 0 || training.KeepHumanFraction > 0 || training.Policy == DataPolicyKind.Accumulate;
        if (!realLater)
        {
            yield return new ScenarioError($"{path}.training.realWeight",
                $"found {training.RealWeight} but the training sets after generation 0 have no real part: humans publish nothing after tick {humans.FirstTick} " +
                "and the vendor keeps, accumulates and adds no human data; allowed: null, or training.freshHumanDocuments, training.keepHumanFraction above 0, " +
                "training.policy \"accumulate\" or humans who keep publishing");
        }
    }

    /// <summary>Watermarks, paraphrase and the token-based filters work on token sequences sampled from logits: text
    /// (and, for the watermark, the token-sampling families, sampling rather than beam search) only.</summary>
    private static IEnumerable<ScenarioError> BaseErrors(VendorSpec vendor, string path, DataSpec data)
    {
        if (vendor.Model.Base is not { } spec)
        {
            // A family that cannot fine-tune is refused on training.initialWeights already.
            if (vendor.Training.InitialWeights == InitialWeights.Base && vendor.Model.Family == ModelFamilyKind.Transformer)
            {
                yield return new ScenarioError(
                    $"{path}.model.base",
                    "missing; training.initialWeights \"base\" fine-tunes every generation from a pretrained base, so model.base must describe it " +
                    "(for example {\"epochs\": 1}); allowed initialWeights without one: \"scratch\", \"generation0\"");
            }

            yield break;
        }

        if (vendor.Model.Family != ModelFamilyKind.Transformer || data.Kind != DataKind.Text)
        {
            yield return new ScenarioError(
                $"{path}.model.base",
                $"found a base with model.family \"{Lower(vendor.Model.Family)}\" and data.kind \"{Lower(data.Kind)}\"; " +
                "only a transformer on text data has a pretrained base, allowed: model.family \"transformer\" with data.kind \"text\", or no base");
        }

        var source = spec.Source ?? data.Text.Source;
        var path0 = spec.Source is null ? data.Text.Path : spec.Path;
        if (source != TextSource.Brown && string.IsNullOrWhiteSpace(path0))
        {
            yield return new ScenarioError(
                $"{path}.model.base.path",
                $"missing; model.base.source \"{Lower(source)}\" reads a {(source == TextSource.Folder ? "folder" : "JSONL file")}, so path must name it");
        }
    }

    private static IEnumerable<ScenarioError> CheckTextOnly(VendorSpec vendor, string path, DataKind kind)
    {
        if (vendor.Watermark is not null && (kind != DataKind.Text || !WatermarkingFamilies.Contains(vendor.Model.Family)))
        {
            yield return new ScenarioError($"{path}.watermark", $"a watermark needs data.kind \"text\" and a token-sampling model family ({string.Join(", ", WatermarkingFamilies.Select(f => $"\"{Lower(f)}\""))}); found data.kind \"{Lower(kind)}\", model.family \"{Lower(vendor.Model.Family)}\"");
        }

        if (vendor.Watermark is not null && vendor.Decoding.Beams > 1)
        {
            yield return new ScenarioError($"{path}.decoding.beams",
                $"found {vendor.Decoding.Beams} with a watermark; the watermark biases sampling, so a watermarked vendor samples (beams 1)");
        }

        if (vendor.Deployment.ParaphraseRate > 0 && kind != DataKind.Text)
        {
            yield return new ScenarioError($"{path}.deployment.paraphraseRate", $"paraphrase rewrites tokens of text; found data.kind \"{Lower(kind)}\", allowed only with \"text\" (or set 0)");
        }

        for (var f = 0; f < vendor.Training.Filters.Count; f++)
        {
            var filter = vendor.Training.Filters[f];
            if (kind != DataKind.Text && filter is WatermarkFilterSpec or NearDuplicateFilterSpec)
            {
                var name = filter is WatermarkFilterSpec ? "watermark" : "nearDuplicate";
                yield return new ScenarioError($"{path}.training.filters[{f}].kind", $"found \"{name}\", which reads tokens of text; data.kind is \"{Lower(kind)}\"");
            }

            // The detector's threshold is set on held-out human text, which only text data has.
            if (filter is DetectorFilterSpec detector && kind != DataKind.Text)
            {
                yield return new ScenarioError($"{path}.training.filters[{f}].kind", $"found \"detector\", whose threshold is set on held-out human text; data.kind is \"{Lower(kind)}\", allowed: \"text\"");
            }
            else if (filter is DetectorFilterSpec { Reference: DetectorReference.Base } && (vendor.Model.Base is null || vendor.Model.Family != ModelFamilyKind.Transformer))
            {
                yield return new ScenarioError($"{path}.training.filters[{f}].reference",
                    "found \"base\" but the vendor has no pretrained base (a transformer with model.base); allowed: \"generation0\"");
            }
            else if (filter is DetectorFilterSpec { Reference: DetectorReference.Base, Score: DetectorScoreKind.Binoculars })
            {
                yield return new ScenarioError($"{path}.training.filters[{f}].score",
                    "found \"binoculars\" with reference \"base\"; the cross-entropy is between n-gram generations, allowed with a base: \"perplexity\"");
            }
            else if (filter is DetectorFilterSpec { Score: DetectorScoreKind.Binoculars } && vendor.Model.Family != ModelFamilyKind.Ngram)
            {
                yield return new ScenarioError($"{path}.training.filters[{f}].score",
                    $"found \"binoculars\" with model.family \"{Lower(vendor.Model.Family)}\"; the cross-entropy between generations is computed for \"ngram\" vendors, allowed here: \"perplexity\"");
            }
        }
    }

    private static IEnumerable<ScenarioError> CheckSumsToOne(string path, IReadOnlyList<double> values)
    {
        var sum = values.Sum();
        if (Math.Abs(sum - 1) > 1e-9)
        {
            yield return new ScenarioError(path, $"values sum to {sum.ToString("R", CultureInfo.InvariantCulture)}; they must sum to 1");
        }
    }

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
