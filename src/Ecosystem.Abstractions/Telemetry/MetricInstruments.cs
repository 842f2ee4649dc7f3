using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Abstractions.Telemetry;

/// <summary>The one mapping from metric names to OpenTelemetry instruments.</summary>
/// <remarks>Namespaces: <c>ecosystem.corpus</c> for the shared corpus as a whole, <c>ecosystem.text</c> for text
/// published in a tick (corpus-wide without a vendor attribute, one vendor's output with one), <c>ecosystem.model</c>
/// for a fitted generation, <c>ecosystem.training</c> for how a generation was trained (training set, loss, throughput),
/// <c>ecosystem.run</c> for progress.</remarks>
public static class MetricInstruments
{
    private const string Corpus = "ecosystem.corpus.";
    private const string Text = "ecosystem.text.";
    private const string Model = "ecosystem.model.";
    private const string Training = "ecosystem.training.";
    private const string Population = "ecosystem.population.";
    private const string Dimensionless = "1";
    private const string Bits = "bit";
    private const string DocumentCount = "{document}";
    private const string TokenCount = "{token}";

    private static readonly MetricInstrument[] Declared =
    [
        new(MetricNames.DocumentsTotal, Corpus + "documents", DocumentCount, "Documents in the corpus.", TelemetryAttributes.Label),
        new(MetricNames.DocumentsHuman, Corpus + "human_documents", DocumentCount, "Human documents in the corpus.", TelemetryAttributes.Label),
        new(MetricNames.DocumentsSynthetic, Corpus + "synthetic_documents", DocumentCount, "Synthetic documents in the corpus.", TelemetryAttributes.Label),
        new(MetricNames.SyntheticShareDocuments, Corpus + "synthetic_share", Dimensionless, "Share of corpus documents that are synthetic.", TelemetryAttributes.Label),
        new(MetricNames.SyntheticShareTokens, Corpus + "synthetic_token_share", Dimensionless, "Share of corpus tokens (or values) that are synthetic.", TelemetryAttributes.Label),
        new(MetricNames.CorpusDistinctNGrams, Corpus + "distinct_ngrams", "{ngram}", "Distinct n-grams of every document the web has held, estimated by a HyperLogLog sketch updated tick by tick (relative standard error 0.81%).", TelemetryAttributes.NGramOrder),
        new(MetricNames.CorpusDistinct2, Corpus + "distinct_2", Dimensionless, "Distinct bigrams of every document the web has held over all its bigrams (the sketch's estimate over an exact count).", TelemetryAttributes.Label),
        new(MetricNames.PublishedSyntheticShare, Corpus + "published_synthetic_share", Dimensionless, "Share of synthetic documents among those published in the tick.", TelemetryAttributes.Label),
        new(MetricNames.AuthorsActive, Population + "active_authors", "{author}", "Human authors active in the tick.", TelemetryAttributes.Label),
        new(MetricNames.HumanDocumentsPublished, Population + "published_documents", DocumentCount, "Documents people published in the tick, with or without a model's help.", TelemetryAttributes.Label),
        new(MetricNames.DocumentsAssisted, Corpus + "assisted_documents", DocumentCount, "Documents in the corpus that people wrote with a deployed model's help.", TelemetryAttributes.Label),
        new(MetricNames.AssistedShare, Population + "assisted_share", Dimensionless, "Share of the documents people published in the tick that a deployed model helped write.", TelemetryAttributes.Label),
        new(MetricNames.DetectedSyntheticShareDocuments, Corpus + "detected_synthetic_share", Dimensionless, "Share of corpus documents the watermark detector flags.", TelemetryAttributes.Label),
        new(MetricNames.WatermarkedShareDocuments, Corpus + "watermarked_share", Dimensionless, "Share of corpus documents generated with a watermark.", TelemetryAttributes.Label),
        new(MetricNames.WatermarkFalsePositiveRate, Corpus + "watermark_false_positive_rate", Dimensionless, "Share of human corpus documents the watermark detector flags.", TelemetryAttributes.Label),

        new(MetricNames.GenreShare, Text + "genre_share", Dimensionless, "Share of documents per genre: of the whole corpus without a vendor, of the vendor's output in the tick with one.", TelemetryAttributes.Genre),
        new(MetricNames.GenreCoverage, Text + "genre_coverage", Dimensionless, "Share of a genre's distinctive tokens in the text published in the tick, relative to that share in human text: of the corpus without a vendor, of the vendor's output with one.", TelemetryAttributes.Genre),
        new(MetricNames.Distinct1, Text + "distinct_1", Dimensionless, "Distinct unigrams over all unigrams of the text published in the tick.", TelemetryAttributes.Label),
        new(MetricNames.Distinct2, Text + "distinct_2", Dimensionless, "Distinct bigrams over all bigrams of the text published in the tick.", TelemetryAttributes.Label),
        new(MetricNames.Distinct3, Text + "distinct_3", Dimensionless, "Distinct trigrams over all trigrams of the text published in the tick.", TelemetryAttributes.Label),
        new(MetricNames.Distinct4, Text + "distinct_4", Dimensionless, "Distinct 4-grams over all 4-grams of the text published in the tick.", TelemetryAttributes.Label),
        new(MetricNames.TokenEntropyBits, Text + "token_entropy", Bits, "Unigram token entropy of the text published in the tick.", TelemetryAttributes.Label),
        new(MetricNames.VocabularySize, Text + "vocabulary_size", TokenCount, "Distinct tokens in the text published in the tick.", TelemetryAttributes.Label),
        new(MetricNames.TailMass, Text + "tail_mass", Dimensionless, "Share of tokens outside the human top-k in the text published in the tick.", TelemetryAttributes.Label),
        new(MetricNames.GeneratedPerplexityGen0, Text + "gen0_perplexity", Dimensionless, "Mean per-document perplexity of the vendor's output under its generation-0 model.", TelemetryAttributes.Label),
        new(MetricNames.PerplexityHistogramGen0, Text + "gen0_perplexity_histogram", Dimensionless, "Fraction of the vendor's output per perplexity bin under its generation-0 model.", TelemetryAttributes.HistogramBin),
        new(MetricNames.GeneratedPerplexityGen0Quantile, Text + "gen0_perplexity_quantile", Dimensionless, "A quantile of the per-document perplexities of the vendor's output under its generation-0 model.", TelemetryAttributes.Label),
        new(MetricNames.WatermarkTruePositiveRate, Text + "watermark_true_positive_rate", Dimensionless, "Share of watermarked documents the detector flags: of the corpus so far without a vendor, of the vendor's output in the tick with one.", TelemetryAttributes.Label),
        new(MetricNames.WatermarkMeanZ, Text + "watermark_mean_z", Dimensionless, "Mean watermark z-score of the vendor's watermarked output in the tick, under its own key.", TelemetryAttributes.Label),

        new(MetricNames.HeldoutPerplexity, Model + "heldout_perplexity", Dimensionless, "Perplexity of the generation on held-out human text.", TelemetryAttributes.Label),
        new(MetricNames.BaseHeldoutPerplexity, Model + "base_heldout_perplexity", Dimensionless, "Zero-shot perplexity on held-out human text of the pretrained base the generations are fine-tuned from.", TelemetryAttributes.Label),
        new(MetricNames.ReferenceNgramHeldoutPerplexity, Model + "reference_ngram_heldout_perplexity", Dimensionless, "Held-out perplexity of an n-gram model trained on the same tokens as generation 0.", TelemetryAttributes.Label),
        new(MetricNames.HeldoutPerplexityGenre, Model + "heldout_perplexity_by_genre", Dimensionless, "Perplexity of the generation on the held-out human text of one genre.", TelemetryAttributes.Genre),
        new(MetricNames.Mean, Model + "mean", Dimensionless, "Mean of the fitted continuous model (of one mixture component when labelled).", TelemetryAttributes.Component),
        new(MetricNames.Variance, Model + "variance", Dimensionless, "Variance of the fitted continuous model (of one mixture component when labelled).", TelemetryAttributes.Component),
        new(MetricNames.StdDev, Model + "stddev", Dimensionless, "Standard deviation of the fitted continuous model.", TelemetryAttributes.Label),
        new(MetricNames.Weight, Model + "component_weight", Dimensionless, "Weight of one mixture component.", TelemetryAttributes.Component),
        new(MetricNames.LogLikelihood, Model + "log_likelihood", Dimensionless, "Log-likelihood of the training data under the fitted mixture.", TelemetryAttributes.Label),
        new(MetricNames.TheorySimulated, Model + "theory.simulated", Dimensionless, "A theory run's simulated value of one quantity, the mean over its worlds.", TelemetryAttributes.TheoryQuantity),
        new(MetricNames.TheoryExpected, Model + "theory.expected", Dimensionless, "The closed-form expectation of the quantity.", TelemetryAttributes.TheoryQuantity),
        new(MetricNames.TheoryStandardError, Model + "theory.standard_error", Dimensionless, "Standard error of the simulated mean, from the theory's variance.", TelemetryAttributes.TheoryQuantity),
        new(MetricNames.TheoryZ, Model + "theory.z", Dimensionless, "Simulated minus expected, in standard errors.", TelemetryAttributes.TheoryQuantity),
        new(MetricNames.MeanError, Model + "mean_error", Dimensionless, "Fitted mean minus the original distribution's mean.", TelemetryAttributes.Label),
        new(MetricNames.VarianceRatio, Model + "variance_ratio", Dimensionless, "Fitted variance over the original distribution's variance.", TelemetryAttributes.Label),
        new(MetricNames.Wasserstein2, Model + "wasserstein_2", Dimensionless, "2-Wasserstein distance to the original distribution.", TelemetryAttributes.Label),
        new(MetricNames.KlToOriginal, Model + "kl_to_original", Dimensionless, "KL divergence from the original distribution to the fitted one, in nats.", TelemetryAttributes.Label),
        new(MetricNames.KlFromOriginal, Model + "kl_from_original", Dimensionless, "KL divergence from the fitted distribution to the original one, in nats.", TelemetryAttributes.Label),
        new(MetricNames.TotalVariation, Model + "total_variation", Dimensionless, "Total variation distance between the fitted and the original distribution.", TelemetryAttributes.Label),
        new(MetricNames.Probability, Model + "probability", Dimensionless, "Fitted probability of one category.", TelemetryAttributes.Category),
        new(MetricNames.SupportSize, Model + "support_size", "{category}", "Categories with non-zero fitted probability.", TelemetryAttributes.Label),
        new(MetricNames.AbsorbedState, Model + "absorbed_state", Dimensionless, "The category the chain has been absorbed in, or -1 while it has not.", TelemetryAttributes.Label),
        new(MetricNames.EntropyBits, Model + "entropy", Bits, "Entropy of the fitted categorical model.", TelemetryAttributes.Label),
        new(MetricNames.NGramTypes, Model + "ngram_types", "{ngram}", "Distinct n-grams the model holds, per order n.", TelemetryAttributes.NGramOrder),
        new(MetricNames.ModelVocabularySize, Model + "vocabulary_size", TokenCount, "Tokens in the model's vocabulary (seen by an n-gram model, embedding rows of a neural one).", TelemetryAttributes.Label),
        new(MetricNames.ModelParameters, Model + "parameters", "{parameter}", "Trainable parameters of a neural model.", TelemetryAttributes.Label),

        new(MetricNames.TrainingDocuments, Training + "documents", DocumentCount, "Documents in the training set of the generation trained in the tick.", TelemetryAttributes.Label),
        new(MetricNames.DetectorTruePositiveRate, Training + "detector_true_positive_rate", Dimensionless, "Share of the synthetic documents reaching a zero-shot detector filter that it removed.", TelemetryAttributes.Filter),
        new(MetricNames.DetectorFalsePositiveRate, Training + "detector_false_positive_rate", Dimensionless, "Share of the human documents reaching a zero-shot detector filter that it removed.", TelemetryAttributes.Filter),
        new(MetricNames.DetectorRocAuc, Training + "detector_roc_auc", Dimensionless, "ROC AUC of the detector's score on the crawl, machine text against human.", TelemetryAttributes.Filter),
        new(MetricNames.DetectorThreshold, Training + "detector_threshold", Dimensionless, "Score below which the detector flags a document.", TelemetryAttributes.Filter),
        new(MetricNames.DetectorHeldOutFalsePositiveRate, Training + "detector_heldout_false_positive_rate", Dimensionless, "Share of the held-out human documents the detector flags at its threshold.", TelemetryAttributes.Filter),
        new(MetricNames.CrawlOptedOutShare, Training + "crawl_opted_out_share", Dimensionless, "Share of the human documents crawled whose authors opted out of AI training.", TelemetryAttributes.Label),
        new(MetricNames.TrainingOptedOutDocuments, Training + "opted_out_documents", DocumentCount, "Documents of opted-out authors in the training set.", TelemetryAttributes.Label),
        new(MetricNames.TrainingHumanShare, Training + "human_share", Dimensionless, "Human share of the training set after the opt-outs.", TelemetryAttributes.Label),
        new(MetricNames.TrainingSyntheticShare, Training + "synthetic_share", Dimensionless, "Synthetic share of the training set of the generation trained in the tick.", TelemetryAttributes.Label),
        new(MetricNames.CrawlMeanAge, Training + "crawl_mean_age", "{tick}", "Mean age in ticks of the documents a whole-web crawl fetched for the generation trained in the tick.", TelemetryAttributes.Label),
        new(MetricNames.TrainingSourceShare, Training + "source_share", Dimensionless, "Share of the training set of the generation trained in the tick that came from one source: human text or one vendor's output.", TelemetryAttributes.DataSource),
        new(MetricNames.TrainingTokens, Training + "tokens", TokenCount, "Tokens the n-gram model was fitted on.", TelemetryAttributes.Label),
        new(MetricNames.TrainingDetectedSyntheticShare, Training + "detected_synthetic_share", Dimensionless, "Share of the training set the watermark detector flags.", TelemetryAttributes.Label),
        new(MetricNames.FilterRemovedHuman, Training + "filter_removed_human", DocumentCount, "Human documents a scrape filter removed (false removals).", TelemetryAttributes.Filter),
        new(MetricNames.FilterRemovedSynthetic, Training + "filter_removed_synthetic", DocumentCount, "Synthetic documents a scrape filter removed (true removals).", TelemetryAttributes.Filter),
        new(MetricNames.FilterPassedHuman, Training + "filter_passed_human", DocumentCount, "Human documents a scrape filter passed on.", TelemetryAttributes.Filter),
        new(MetricNames.FilterPassedSynthetic, Training + "filter_passed_synthetic", DocumentCount, "Synthetic documents a scrape filter passed on (missed).", TelemetryAttributes.Filter),
        new(MetricNames.TrainingLoss, Training + "loss", Dimensionless, "Mean training cross-entropy of the last epoch, in nats per token.", TelemetryAttributes.Label),
        new(MetricNames.TrainingEpochLoss, Training + "epoch_loss", Dimensionless, "Mean training cross-entropy of one epoch, in nats per token.", TelemetryAttributes.Epoch),
        new(MetricNames.TrainingEpochs, Training + "epochs", "{epoch}", "Epochs the generation was trained for.", TelemetryAttributes.Label),
        new(MetricNames.TrainingValidationLoss, Training + "validation_loss", Dimensionless, "Mean cross-entropy on the validation documents after one epoch, in nats per token.", TelemetryAttributes.Epoch),
        new(MetricNames.TrainingSelectedEpoch, Training + "selected_epoch", "{epoch}", "The epoch whose weights the generation kept.", TelemetryAttributes.Label),
        new(MetricNames.TrainingTokensPerSecond, Training + "throughput", "{token}/s", "Training throughput.", TelemetryAttributes.Label),
    ];

    private static readonly Dictionary<string, MetricInstrument> ByMetric = Declared.ToDictionary(i => i.Metric, StringComparer.Ordinal);

    /// <summary>Every declared instrument, one per metric name.</summary>
    public static IReadOnlyList<MetricInstrument> All => Declared;

    /// <summary>Ticks of a run completed so far; not a metric of the CSV, it shows progress.</summary>
    public static MetricInstrument CompletedTicks { get; } =
        new("", "ecosystem.run.completed_ticks", "{tick}", "Ticks of the run completed so far.", TelemetryAttributes.Label);

    /// <summary>The instrument of <paramref name="metric"/>; a name not declared here (a model family's own statistic)
    /// gets <c>ecosystem.model.</c> + its name, so that no row goes unexported.</summary>
    public static MetricInstrument For(string metric) =>
        ByMetric.TryGetValue(metric, out var instrument)
            ? instrument
            : new MetricInstrument(metric, Model + metric, Dimensionless, $"Model statistic '{metric}'.", TelemetryAttributes.Label);

    /// <summary>Whether <paramref name="metric"/> has a declared instrument.</summary>
    public static bool IsDeclared(string metric) => ByMetric.ContainsKey(metric);
}
