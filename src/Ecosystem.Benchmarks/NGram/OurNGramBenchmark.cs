using Ecosystem.Abstractions.Corpus;
using Ecosystem.Corpus;
using Ecosystem.Models;

namespace Ecosystem.Benchmarks.NGram;

/// <summary>Times the simulator's n-gram model (<see cref="NGramFamily"/>): fitting, scoring held-out text and
/// sampling, each repeated for at least a second so that fast operations are measured over many calls.</summary>
public static class OurNGramBenchmark
{
    private static readonly TimeSpan MinimumTime = TimeSpan.FromSeconds(1);

    /// <summary>Measures a model of <paramref name="configuration"/>'s order and discount fitted to <paramref name="train"/>.</summary>
    public static OurNGramMeasurement Measure(
        NGramConfiguration configuration,
        IReadOnlyList<int[]> train,
        IReadOnlyList<int[]> heldOut,
        IReadOnlyList<int[]> wholeSplit,
        CancellationToken cancellationToken)
    {
        var family = new NGramFamily(configuration.Order, configuration.Discount, TextTokenizer.Gpt2VocabularySize);
        var documents = train.Select(DocumentContent.FromTokens).ToList();
        var fits = Timing.Repeat(() => family.Fit(documents, new Random(1), cancellationToken), 3, MinimumTime, cancellationToken);
        var model = (NGramModel)family.Fit(documents, new Random(1), cancellationToken);

        var scored = heldOut.Select(DocumentContent.FromTokens).ToList();
        var scoredTokens = scored.Sum(d => d.Tokens.Length);
        // The scores are summed and checked so that the compiler cannot drop the calls as unused.
        var total = 0.0;
        var scoring = Timing.Repeat(
            () =>
            {
                foreach (var document in scored)
                {
                    total += model.Score(document).LogLikelihood;
                }
            },
            3,
            MinimumTime,
            cancellationToken);

        if (!double.IsFinite(total))
        {
            throw new InvalidOperationException("A held-out token got probability 0, which the uniform floor rules out.");
        }

        const int sampledDocuments = 64;
        var options = new SamplingOptions(NGramConfiguration.DocumentTokens, 1.0);
        var random = new Random(1);
        var sampling = Timing.Repeat(() => model.Sample(sampledDocuments, options, random, cancellationToken), 3, MinimumTime, cancellationToken);

        var split = wholeSplit.Select(d => model.Score(DocumentContent.FromTokens(d))).ToList();
        var splitTokens = split.Sum(s => (long)s.Units);

        return new OurNGramMeasurement(
            documents.Sum(d => (long)d.Tokens.Length),
            Statistics.Median(fits),
            scoredTokens * scoring.Count / scoring.Sum(),
            (double)sampledDocuments * options.Length * sampling.Count / sampling.Sum(),
            Probabilities(model, heldOut),
            model.Describe().Single(s => s.Name == "model_vocabulary_size").Value,
            Math.Exp(-split.Sum(s => s.LogLikelihood) / splitTokens),
            splitTokens);
    }

    private static List<double> Probabilities(NGramModel model, IReadOnlyList<int[]> documents)
    {
        var probabilities = new List<double>();
        foreach (var document in documents)
        {
            for (var i = 0; i < document.Length; i++)
            {
                probabilities.Add(model.Probability(document.AsSpan(0, i), document[i]));
            }
        }

        return probabilities;
    }
}
