using System.Globalization;
using Ecosystem.Benchmarks.Results;
using Ecosystem.Corpus;
using static Ecosystem.Benchmarks.NGram.NGramMetrics;

namespace Ecosystem.Benchmarks.NGram;

/// <summary>The <c>ngram</c> suite: the simulator's interpolated Kneser-Ney model and NLTK's KneserNeyInterpolated on
/// the same GPT-2 token ids of the Brown training split — fit time, scoring and sampling speed, held-out perplexity.</summary>
public sealed class NGramSuite : IBenchmarkSuite
{
    /// <summary>The suite's name.</summary>
    public const string SuiteName = "ngram";

    /// <inheritdoc />
    public string Name => SuiteName;

    /// <inheritdoc />
    public string Description => "our Kneser-Ney n-gram model vs NLTK's KneserNeyInterpolated on the same tokens";

    /// <inheritdoc />
    public async Task<SuiteOutcome> RunAsync(BenchmarkSettings settings, BenchmarkLog log, CancellationToken cancellationToken)
    {
        var configuration = settings.Quick ? NGramConfiguration.Quick : NGramConfiguration.Full;
        log.Step(Name, "loading the Brown corpus (the simulator's train / held-out split, 128-token documents)");
        var corpus = await HumanCorpusLoader.Shared.LoadAsync(new CorpusOptions(CorpusSourceKind.Brown, DocumentTokens: NGramConfiguration.DocumentTokens), cancellationToken: cancellationToken);
        var heldOut = EvenSpacing.Take(corpus.HeldOut, configuration.HeldOutDocuments).Select(d => d.Tokens).ToList();
        var wholeSplit = corpus.HeldOut.Select(d => d.Tokens).ToList();

        var results = new List<BenchmarkResult>();
        var peers = new Dictionary<string, string>();
        var folder = Directory.CreateTempSubdirectory("ecosystem-bench-ngram-");
        try
        {
            var heldOutFile = Path.Combine(folder.FullName, "heldout.txt");
            var trainFile = Path.Combine(folder.FullName, "train.txt");
            TokenFile.Write(heldOutFile, heldOut);
            foreach (var size in configuration.TrainingTokens)
            {
                var train = EvenSpacing.Take(corpus.Train, size / NGramConfiguration.DocumentTokens).Select(d => d.Tokens).ToList();
                TokenFile.Write(trainFile, train);

                log.Step(Name, string.Create(CultureInfo.InvariantCulture, $"{size:N0} training tokens: ecosystem model (fit, score, sample, each for at least a second)"));
                var ours = await Task.Run(() => OurNGramBenchmark.Measure(configuration, train, heldOut, wholeSplit, cancellationToken), cancellationToken);
                log.Step(Name, string.Create(CultureInfo.InvariantCulture,
                    $"{size:N0} training tokens: NLTK (scores {heldOut.Sum(d => d.Length):N0} tokens, samples up to {configuration.NltkSampleTokens} tokens; NLTK is slow)"));
                var nltk = await NltkPeer.MeasureAsync(settings, configuration, trainFile, heldOutFile, line => log.Step(Name, "nltk: " + line), cancellationToken);
                var comparison = NGramComparison.From(ours.Probabilities, nltk, configuration.Discount, TextTokenizer.Gpt2VocabularySize);
                results.AddRange(Rows(size, configuration, ours, nltk, comparison));
                peers["nltk"] = nltk.Nltk;
                peers["python"] = nltk.Python;
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        return new SuiteOutcome(results, peers);
    }

    /// <inheritdoc />
    public SuiteReport Report(IReadOnlyList<BenchmarkResult> results) => NGramReport.Build(results);

    /// <summary>The figures of one training size.</summary>
    public static IReadOnlyList<BenchmarkResult> Rows(int size, NGramConfiguration configuration, OurNGramMeasurement ours, NltkMeasurement nltk, NGramComparison comparison)
    {
        var rows = new List<BenchmarkResult>();
        void Add(string side, string metric, double value, string unit) => rows.Add(new BenchmarkResult(SuiteName, Case(size), side, metric, value, unit));

        var nltkScoreRate = nltk.ScoredTokens / nltk.ScoreSeconds;
        var nltkSampleRate = nltk.SampledTokens / nltk.SampleSeconds;

        Add(Ours, TrainTokens, ours.TrainingTokens, "tokens");
        Add(Ours, FitSeconds, ours.FitSeconds, "s");
        Add(Ours, ScoreTokensPerSecond, ours.ScoreTokensPerSecond, "tokens/s");
        Add(Ours, SampleTokensPerSecond, ours.SampleTokensPerSecond, "tokens/s");
        Add(Ours, PerplexityAllTokens, comparison.OursPerplexityAll, "perplexity");
        Add(Ours, PerplexityNltkScorableTokens, comparison.OursPerplexityCommon, "perplexity");
        Add(Ours, SplitPerplexity, ours.SplitPerplexity, "perplexity");
        Add(Ours, SplitTokens, ours.SplitTokens, "tokens");
        Add(Ours, VocabularySize, TextTokenizer.Gpt2VocabularySize, "tokens");
        Add(Ours, VocabularyTypes, ours.VocabularyTypes, "tokens");

        Add(Nltk, TrainTokens, nltk.TrainTokens, "tokens");
        Add(Nltk, FitSeconds, nltk.FitSeconds, "s");
        Add(Nltk, ScoreTokensPerSecond, nltkScoreRate, "tokens/s");
        Add(Nltk, SampleTokensPerSecond, nltkSampleRate, "tokens/s");
        Add(Nltk, SampledTokens, nltk.SampledTokens, "tokens");
        Add(Nltk, PerplexityNltkScorableTokens, comparison.NltkPerplexityCommon, "perplexity");
        Add(Nltk, ZeroProbabilityTokens, comparison.NltkZeroTokens, "tokens");
        Add(Nltk, VocabularySize, nltk.VocabularySize, "tokens");

        Add(Comparison, Order, configuration.Order, "order");
        Add(Comparison, Discount, configuration.Discount, "discount");
        Add(Comparison, ScoredTokens, comparison.Tokens, "tokens");
        Add(Comparison, FitSpeedRatio, nltk.FitSeconds / ours.FitSeconds, "ratio");
        Add(Comparison, ScoreSpeedRatio, ours.ScoreTokensPerSecond / nltkScoreRate, "ratio");
        Add(Comparison, SampleSpeedRatio, ours.SampleTokensPerSecond / nltkSampleRate, "ratio");
        Add(Comparison, PerplexityRatio, comparison.OursPerplexityCommon / comparison.NltkPerplexityCommon, "ratio");
        Add(Comparison, MeanAbsLogProbabilityDifference, comparison.MeanAbsLogDifference, "nats");
        Add(Comparison, OursLowerShare, comparison.OursLowerShare, "share");
        Add(Comparison, UnigramUniformShare, comparison.UniformShare, "share");
        Add(Comparison, BigramTypes, nltk.BigramTypes, "types");
        Add(Comparison, UnigramTypes, nltk.UnigramTypes, "types");
        Add(Comparison, DecompositionTokens, comparison.DecompositionTokens, "tokens");
        Add(Comparison, DecompositionMaxRelativeError, comparison.DecompositionMaxRelativeError, "ratio");
        return rows;
    }
}
