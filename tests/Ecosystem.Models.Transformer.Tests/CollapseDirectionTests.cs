using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Models.Transformer.Tests;

/// <summary>The direction of Shumailov et al.'s Fig. 1b at toy scale: generations fine-tuned from one base on their
/// predecessor's beam continuations write text that generation 0 finds ever more likely.</summary>
public sealed class CollapseDirectionTests
{
    [Fact]
    public void Later_generations_write_text_of_lower_perplexity_under_generation_zero()
    {
        var language = new MarkovLanguage(seed: 12);
        var real = language.Documents(240, 16, seed: 1);
        var settings = TinyTransformer.Settings with { Context = 16, Epochs = 8, FineTuneEpochs = 3, FineTuneLearningRate = 3e-3, Dropout = 0 };
        var family = new TransformerFamily(settings, TinyTransformer.SourceVocabulary);
        using var baseModel = (TransformerModel)family.Fit(real, new Random(2));
        var prompts = real.Take(120).Select(d => DocumentContent.FromTokens(d.Tokens[..4])).ToList();
        var decoding = new SamplingOptions(12, 1.2) { Prompts = prompts, Beams = 3, BeamSampling = true };

        using var generationZero = (TransformerModel)family.FineTune(baseModel, real, new Random(3));
        var medians = new List<double>();
        var current = generationZero;
        for (var generation = 0; generation < 3; generation++)
        {
            var written = current.Sample(prompts.Count, decoding, new Random(10 + generation));
            medians.Add(Median(generationZero.ScoreMany(written).Select(s => s.Perplexity)));
            var next = (TransformerModel)family.FineTune(baseModel, written, new Random(20 + generation));
            if (!ReferenceEquals(current, generationZero))
            {
                current.Dispose();
            }

            current = next;
        }

        current.Dispose();
        Assert.True(medians[2] < medians[0], string.Join(" > ", medians));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>A first-order Markov chain over tokens 10..29, each with three successors of probability 0.6, 0.3, 0.1.</summary>
    private sealed class MarkovLanguage
    {
        private readonly int[][] _successors;

        public MarkovLanguage(int seed)
        {
            var random = new Random(seed);
            _successors = Enumerable.Range(0, 20).Select(_ => Enumerable.Range(0, 3).Select(_ => 10 + random.Next(20)).ToArray()).ToArray();
        }

        public IReadOnlyList<DocumentContent> Documents(int count, int length, int seed)
        {
            var random = new Random(seed);
            return Enumerable.Range(0, count).Select(_ =>
            {
                var tokens = new int[length];
                tokens[0] = 10 + random.Next(20);
                for (var i = 1; i < length; i++)
                {
                    var u = random.NextDouble();
                    tokens[i] = _successors[tokens[i - 1] - 10][u < 0.6 ? 0 : u < 0.9 ? 1 : 2];
                }

                return DocumentContent.FromTokens(tokens);
            }).ToList();
        }
    }
}
