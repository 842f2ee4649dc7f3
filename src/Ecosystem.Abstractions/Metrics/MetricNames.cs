using System.Reflection;

namespace Ecosystem.Abstractions.Metrics;

/// <summary>Every metric name written to the metrics CSV, each declared once here.</summary>
public static class MetricNames
{
    /// <summary>Share of corpus documents that are synthetic.</summary>
    public const string SyntheticShareDocuments = "synthetic_share_documents";

    /// <summary>Share of corpus tokens that are synthetic.</summary>
    public const string SyntheticShareTokens = "synthetic_share_tokens";

    /// <summary>Corpus documents.</summary>
    public const string DocumentsTotal = "documents_total";

    /// <summary>Human corpus documents.</summary>
    public const string DocumentsHuman = "documents_human";

    /// <summary>Synthetic corpus documents.</summary>
    public const string DocumentsSynthetic = "documents_synthetic";

    /// <summary>distinct-1 (see <see cref="Metrics.DistinctN"/>).</summary>
    public const string Distinct1 = "distinct_1";

    /// <summary>distinct-2.</summary>
    public const string Distinct2 = "distinct_2";

    /// <summary>distinct-3.</summary>
    public const string Distinct3 = "distinct_3";

    /// <summary>distinct-4.</summary>
    public const string Distinct4 = "distinct_4";

    /// <summary>Unigram token entropy in bits (see <see cref="Metrics.TokenEntropy"/>).</summary>
    public const string TokenEntropyBits = "token_entropy_bits";

    /// <summary>Distinct tokens used.</summary>
    public const string VocabularySize = "vocabulary_size";

    /// <summary>Share of tokens outside the human top-k (see <see cref="Metrics.TailMass"/>).</summary>
    public const string TailMass = "tail_mass";

    /// <summary>Share of documents per genre; the label is the genre.</summary>
    public const string GenreShare = "genre_share";

    /// <summary>How much of a genre's distinctive vocabulary a text still uses, relative to human text (label: the genre).</summary>
    public const string GenreCoverage = "genre_coverage";

    /// <summary>Share of synthetic documents among those published in one tick.</summary>
    public const string PublishedSyntheticShare = "published_synthetic_share";

    /// <summary>Human authors active in the tick (newcomers join over time).</summary>
    public const string AuthorsActive = "authors_active";

    /// <summary>Documents people published in the tick, with or without a model's help.</summary>
    public const string HumanDocumentsPublished = "human_documents_published";

    /// <summary>Documents people wrote with a deployed model's help, so far.</summary>
    public const string DocumentsAssisted = "documents_assisted";

    /// <summary>Share of the documents people published in the tick that a deployed model helped write.</summary>
    public const string AssistedShare = "assisted_share";

    /// <summary>Perplexity of a model on held-out human text.</summary>
    public const string HeldoutPerplexity = "heldout_perplexity";

    /// <summary>Perplexity of a model on the held-out human documents of one genre (label: the genre).</summary>
    public const string HeldoutPerplexityGenre = "heldout_perplexity_genre";

    /// <summary>Mean per-document perplexity of generated text under the generation-0 model.</summary>
    public const string GeneratedPerplexityGen0 = "generated_perplexity_gen0";

    /// <summary>A quantile of the per-document perplexities of generated text under generation 0 (label: the
    /// quantile, e.g. 0.5 or 0.99), for the shift and the tail of Shumailov et al.'s Fig. 1b.</summary>
    public const string GeneratedPerplexityGen0Quantile = "generated_perplexity_gen0_quantile";

    /// <summary>Held-out perplexity of the pretrained base the vendor's generations are fine-tuned from (zero-shot).</summary>
    public const string BaseHeldoutPerplexity = "base_heldout_perplexity";

    /// <summary>Held-out perplexity of a reference n-gram model trained on the same tokens as generation 0 (the base's
    /// corpus plus generation 0's training set; label: the order).</summary>
    public const string ReferenceNgramHeldoutPerplexity = "reference_ngram_heldout_perplexity";

    /// <summary>Histogram density of per-document perplexities of generated text under generation 0; the label is the bin.</summary>
    public const string PerplexityHistogramGen0 = "perplexity_histogram_gen0";

    /// <summary>Documents in a vendor's training set.</summary>
    public const string TrainingDocuments = "training_documents";

    /// <summary>Synthetic share of a vendor's training set.</summary>
    public const string TrainingSyntheticShare = "training_synthetic_share";

    /// <summary>Distinct n-grams (label: n) of every document the web has held, estimated by a HyperLogLog sketch
    /// updated with each tick's new documents (relative standard error 0.81%).</summary>
    public const string CorpusDistinctNGrams = "corpus_distinct_ngrams";

    /// <summary>Distinct bigrams of every document the web has held over all its bigrams: the whole web's distinct-2,
    /// from the sketch of <see cref="CorpusDistinctNGrams"/> and an exact count of bigrams.</summary>
    public const string CorpusDistinct2 = "corpus_distinct_2";

    /// <summary>Mean age in ticks of the documents a whole-web crawl fetched for a vendor's training (crawl policies
    /// "uniform" and "recency").</summary>
    public const string CrawlMeanAge = "crawl_mean_age";

    /// <summary>Share of a vendor's training set that came from one source (label: "human" or the vendor that generated
    /// it): one row of the who-trained-on-whom matrix.</summary>
    public const string TrainingSourceShare = "training_source_share";

    /// <summary>Share of the synthetic documents reaching a zero-shot detector filter that it removed (label: the filter).</summary>
    public const string DetectorTruePositiveRate = "detector_true_positive_rate";

    /// <summary>Share of the human documents reaching a zero-shot detector filter that it removed (label: the filter).</summary>
    public const string DetectorFalsePositiveRate = "detector_false_positive_rate";

    /// <summary>ROC AUC of a zero-shot detector's score on the crawl, machine text against human (label: the filter).</summary>
    public const string DetectorRocAuc = "detector_roc_auc";

    /// <summary>The score below which a zero-shot detector flags a document (label: the filter).</summary>
    public const string DetectorThreshold = "detector_threshold";

    /// <summary>Share of the held-out human documents the detector flags at its threshold (label: the filter).</summary>
    public const string DetectorHeldOutFalsePositiveRate = "detector_heldout_false_positive_rate";

    /// <summary>Share of the human documents a vendor crawled whose authors had opted out of AI training (humans.optOut).</summary>
    public const string CrawlOptedOutShare = "crawl_opted_out_share";

    /// <summary>Documents of opted-out authors in the training set of the generation trained in the tick (0 for a
    /// vendor that respects opt-outs).</summary>
    public const string TrainingOptedOutDocuments = "training_opted_out_documents";

    /// <summary>Human share of the training set after the opt-outs (written when humans.optOut is set).</summary>
    public const string TrainingHumanShare = "training_human_share";

    /// <summary>Mean of a fitted continuous model (theory experiments).</summary>
    public const string Mean = "mean";

    /// <summary>Variance of a fitted continuous model (theory experiments).</summary>
    public const string Variance = "variance";

    /// <summary>Error of the fitted mean against the original distribution's.</summary>
    public const string MeanError = "mean_error";

    /// <summary>2-Wasserstein distance to the original distribution.</summary>
    public const string Wasserstein2 = "wasserstein_2";

    /// <summary>KL divergence from the original distribution to the fitted one.</summary>
    public const string KlToOriginal = "kl_to_original";

    /// <summary>The category a categorical chain has been absorbed in (a delta), or -1 while it has not.</summary>
    public const string AbsorbedState = "absorbed_state";

    /// <summary>Categories with non-zero probability in a categorical model.</summary>
    public const string SupportSize = "support_size";

    /// <summary>Standard deviation of a fitted continuous model.</summary>
    public const string StdDev = "stddev";

    /// <summary>Fitted variance divided by the true variance.</summary>
    public const string VarianceRatio = "variance_ratio";

    /// <summary>Fitted probability of one category (label = category index).</summary>
    public const string Probability = "probability";

    /// <summary>Entropy, in bits, of a fitted categorical model.</summary>
    public const string EntropyBits = "entropy_bits";

    /// <summary>KL divergence from the fitted distribution to the original one (categorical chains).</summary>
    public const string KlFromOriginal = "kl_from_original";

    /// <summary>Total variation distance between the fitted and the original distribution (categorical chains).</summary>
    public const string TotalVariation = "total_variation";

    /// <summary>A theory run's simulated value of one quantity (label), the mean over its worlds.</summary>
    public const string TheorySimulated = "theory_simulated";

    /// <summary>The closed-form expectation of one quantity (label) beside its simulated value.</summary>
    public const string TheoryExpected = "theory_expected";

    /// <summary>The standard error of the simulated mean of one quantity (label), from the theory's variance.</summary>
    public const string TheoryStandardError = "theory_standard_error";

    /// <summary>(simulated - expected) / standard error for one quantity (label).</summary>
    public const string TheoryZ = "theory_z";

    /// <summary>Distinct n-grams an n-gram model holds; the label is n.</summary>
    public const string NGramTypes = "ngram_types";

    /// <summary>Tokens an n-gram model was fitted on.</summary>
    public const string TrainingTokens = "training_tokens";

    /// <summary>Log-likelihood of a mixture model's training data at the end of EM.</summary>
    public const string LogLikelihood = "log_likelihood";

    /// <summary>Weight of one mixture component (label = component index).</summary>
    public const string Weight = "weight";

    /// <summary>Share of corpus documents the watermark detector flags (z above metrics.watermarkZThreshold under any
    /// watermarking vendor's key): the synthetic share as the detector sees it.</summary>
    public const string DetectedSyntheticShareDocuments = "detected_synthetic_share_documents";

    /// <summary>Share of corpus documents generated with a watermark (the truth the detector is measured against).</summary>
    public const string WatermarkedShareDocuments = "watermarked_share_documents";

    /// <summary>Share of watermarked documents the detector flags: of the corpus so far (corpus row) or of what a vendor
    /// published this tick (vendor row).</summary>
    public const string WatermarkTruePositiveRate = "watermark_true_positive_rate";

    /// <summary>Share of human corpus documents the detector flags.</summary>
    public const string WatermarkFalsePositiveRate = "watermark_false_positive_rate";

    /// <summary>Mean z-score of the watermarked documents a vendor published this tick.</summary>
    public const string WatermarkMeanZ = "watermark_mean_z";

    /// <summary>Share of a vendor's training set the watermark detector flags, beside the true training_synthetic_share.</summary>
    public const string TrainingDetectedSyntheticShare = "training_detected_synthetic_share";

    /// <summary>Human documents a scrape filter removed (false removals); the label is the filter, e.g. "0:watermark".</summary>
    public const string FilterRemovedHuman = "filter_removed_human";

    /// <summary>Synthetic documents a scrape filter removed (true removals); the label is the filter.</summary>
    public const string FilterRemovedSynthetic = "filter_removed_synthetic";

    /// <summary>Human documents a scrape filter passed on; the label is the filter.</summary>
    public const string FilterPassedHuman = "filter_passed_human";

    /// <summary>Synthetic documents a scrape filter passed on (missed); the label is the filter.</summary>
    public const string FilterPassedSynthetic = "filter_passed_synthetic";

    private static readonly Lazy<IReadOnlyList<string>> AllNames = new(CollectAll);

    /// <summary>Trainable parameters of a neural model.</summary>
    public const string ModelParameters = "model_parameters";

    /// <summary>Rows of a neural model's vocabulary (compacted GPT-2 ids plus reserved symbols).</summary>
    public const string ModelVocabularySize = "model_vocabulary_size";

    /// <summary>Mean training cross-entropy of the last epoch (nats per token).</summary>
    public const string TrainingLoss = "training_loss";

    /// <summary>Mean training cross-entropy of one epoch (label: the epoch, from 1).</summary>
    public const string TrainingEpochLoss = "training_epoch_loss";

    /// <summary>Epochs a generation was trained for.</summary>
    public const string TrainingEpochs = "training_epochs";

    /// <summary>Mean cross-entropy on the validation documents after one epoch (label: the epoch, from 1), when the
    /// vendor selects its epoch on them.</summary>
    public const string TrainingValidationLoss = "training_validation_loss";

    /// <summary>The epoch whose weights a generation kept (the last, or the best on validation).</summary>
    public const string TrainingSelectedEpoch = "training_selected_epoch";

    /// <summary>Training throughput in tokens per second.</summary>
    public const string TrainingTokensPerSecond = "training_tokens_per_second";

    /// <summary>Every name declared here, in ordinal order (found by reflection, so new constants are included).</summary>
    public static IReadOnlyList<string> All => AllNames.Value;

    /// <summary>The distinct-n name for n = 1..4.</summary>
    public static string Distinct(int n) => n switch
    {
        1 => Distinct1,
        2 => Distinct2,
        3 => Distinct3,
        4 => Distinct4,
        _ => throw new ArgumentOutOfRangeException(nameof(n), n, "distinct-n is defined for n = 1..4."),
    };

    private static IReadOnlyList<string> CollectAll()
    {
        var names = new List<string>();
        foreach (var f in typeof(MetricNames).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (f.IsLiteral && f.FieldType == typeof(string))
            {
                names.Add((string)f.GetRawConstantValue()!);
            }
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }
}
