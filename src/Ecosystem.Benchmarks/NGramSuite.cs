using System.Diagnostics;
using System.Globalization;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Corpus;
using Ecosystem.Models;

namespace Ecosystem.Benchmarks;

/// <summary>The project's interpolated Kneser-Ney trigram against NLTK's KneserNeyInterpolated on the same GPT-2 token
/// ids of Brown text: fit time, scoring and sampling throughput, held-out perplexity.</summary>
public sealed class NGramSuite : IBenchmarkSuite
{
    private const int Order = 3;
    private const double Discount = 0.75;

    /// <inheritdoc />
    public string Name => "ngram";

    /// <inheritdoc />
    public async Task<IReadOnlyList<BenchmarkResult>> RunAsync(bool quick, Action<string> progress, CancellationToken cancellationToken)
    {
        progress("ngram: loading Brown");
        var corpus = await HumanCorpusLoader.Shared.LoadAsync(new CorpusOptions(CorpusSourceKind.Brown, DocumentTokens: 64), cancellationToken: cancellationToken);
        var results = new List<BenchmarkResult>();
        var heldOut = corpus.HeldOut.Take(quick ? 10 : 40).Select(d => d.Tokens).ToList();
        foreach (var trainTokens in quick ? [10_000] : new[] { 50_000, 200_000 })
        {
            var train = corpus.Train.Take(trainTokens / 64).Select(d => d.Tokens).ToList();
            var caseName = string.Create(CultureInfo.InvariantCulture, $"order {Order}, {train.Sum(d => d.Length):N0} training tokens, {heldOut.Sum(d => d.Length):N0} held-out tokens");
            progress($"ngram: ours, {caseName}");
            var clock = Stopwatch.StartNew();
            var model = new NGramFamily(Order, Discount, TextTokenizer.Shared.VocabularySize).Fit(train.Select(DocumentContent.FromTokens).ToList(), new Random(1), cancellationToken);
            var fit = clock.Elapsed.TotalSeconds;
            clock.Restart();
            double logLikelihood = 0;
            long units = 0;
            foreach (var document in heldOut)
            {
                var score = model.Score(DocumentContent.FromTokens(document));
                logLikelihood += score.LogLikelihood;
                units += score.Units;
            }

            var scoring = units / clock.Elapsed.TotalSeconds;
            clock.Restart();
            const int sampled = 20 * 100;
            model.Sample(20, new SamplingOptions(100), new Random(2), cancellationToken);
            var sampling = sampled / clock.Elapsed.TotalSeconds;
            var perplexity = Math.Exp(-logLikelihood / units);

            progress($"ngram: NLTK, {caseName}");
            var folder = Directory.CreateTempSubdirectory("ecosystem-bench-");
            try
            {
                var trainPath = Path.Combine(folder.FullName, "train.txt");
                var heldOutPath = Path.Combine(folder.FullName, "heldout.txt");
                await File.WriteAllLinesAsync(trainPath, train.Select(Line), cancellationToken);
                await File.WriteAllLinesAsync(heldOutPath, heldOut.Select(Line), cancellationToken);
                var peer = await PythonPeer.RunAsync("ngram_nltk.py",
                    ["--train", trainPath, "--heldout", heldOutPath, "--order", "3", "--discount", "0.75", "--sample-tokens", quick ? "50" : "100"],
                    cancellationToken);
                var nltkFit = peer.GetProperty("fit_seconds").GetDouble();
                var nltkScoring = peer.GetProperty("score_tokens_per_second").GetDouble();
                var nltkSampling = peer.GetProperty("sample_tokens_per_second").GetDouble();
                results.AddRange(
                [
                    new(Name, caseName, "Ecosystem", "fit", fit, "s"),
                    new(Name, caseName, "NLTK", "fit", nltkFit, "s"),
                    new(Name, caseName, "ratio", "fit speed-up", nltkFit / fit, "NLTK time / ours"),
                    new(Name, caseName, "Ecosystem", "scoring", scoring, "tokens/s"),
                    new(Name, caseName, "NLTK", "scoring", nltkScoring, "tokens/s"),
                    new(Name, caseName, "ratio", "scoring speed-up", scoring / nltkScoring, "ours / NLTK"),
                    new(Name, caseName, "Ecosystem", "sampling", sampling, "tokens/s"),
                    new(Name, caseName, "NLTK", "sampling", nltkSampling, "tokens/s"),
                    new(Name, caseName, "ratio", "sampling speed-up", sampling / nltkSampling, "ours / NLTK"),
                    new(Name, caseName, "Ecosystem", "held-out perplexity", perplexity, "over 50,257 GPT-2 ids"),
                    new(Name, caseName, "NLTK", "held-out perplexity (tokens with non-zero probability)", peer.GetProperty("heldout_perplexity_nonzero_tokens").GetDouble(),
                        string.Create(CultureInfo.InvariantCulture, $"over {peer.GetProperty("vocabulary").GetInt32():N0} seen ids + <UNK>")),
                    new(Name, caseName, "NLTK", "held-out tokens given probability 0", peer.GetProperty("zero_probability_tokens").GetInt32(), "tokens"),
                ]);
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }

        return results;
    }

    private static string Line(int[] tokens) => string.Join(' ', tokens.Select(t => t.ToString(CultureInfo.InvariantCulture)));
}
