using Ecosystem.Abstractions.Corpus;
using Ecosystem.Models;

namespace Ecosystem.Models.Tests;

/// <summary>The next-token draws and the Monte-Carlo cross-entropy behind a Binoculars-style detector score.</summary>
public class NGramCrossEntropyTests
{
    private const int Vocabulary = 40;

    private static NGramModel Fit(int seed, int documents)
    {
        var random = new Random(seed);
        var corpus = Enumerable.Range(0, documents)
            .Select(_ => DocumentContent.FromTokens([.. Enumerable.Range(0, 30).Select(_ => random.Next(10) < 7 ? random.Next(5) : random.Next(Vocabulary))]))
            .ToList();
        return (NGramModel)new NGramFamily(2, 0.75, Vocabulary).Fit(corpus, new Random(1));
    }

    [Fact]
    public void A_model_against_itself_gives_the_entropy_of_its_next_token_distributions()
    {
        var model = Fit(3, 60);
        var document = DocumentContent.FromTokens([1, 2, 3, 0, 4, 7, 1, 1]);
        const int draws = 4000;
        var drawn = model.DrawNextTokens(document, draws, new Random(9));
        var estimate = model.CrossEntropy(document, drawn, draws);

        // The exact mean entropy of the next-token distributions along the document, and the Monte-Carlo standard error.
        var history = new List<int>();
        double entropy = 0, variance = 0;
        foreach (var token in document.Tokens)
        {
            var p = Enumerable.Range(0, Vocabulary).Select(v => model.Probability(history.ToArray(), v)).ToArray();
            var h = -p.Sum(x => x * Math.Log(x));
            entropy += h;
            variance += p.Sum(x => x * Math.Log(x) * Math.Log(x)) - h * h;
            history.Add(token);
        }

        var positions = document.Tokens.Length;
        var standardError = Math.Sqrt(variance) / positions / Math.Sqrt(draws);
        Assert.InRange(estimate, entropy / positions - 4 * standardError, entropy / positions + 4 * standardError);
    }

    [Fact]
    public void Draws_follow_the_next_token_distribution_and_are_seeded()
    {
        var model = Fit(5, 40);
        var document = DocumentContent.FromTokens([2, 3]);
        const int draws = 20000;
        var drawn = model.DrawNextTokens(document, draws, new Random(2));
        Assert.Equal(drawn, model.DrawNextTokens(document, draws, new Random(2)));

        // The second position's draws against P(v | 2), each frequency within 4 standard errors.
        for (var v = 0; v < 6; v++)
        {
            var p = model.Probability([2], v);
            var frequency = drawn.Skip(draws).Count(t => t == v) / (double)draws;
            Assert.InRange(frequency, p - 4 * Math.Sqrt(p * (1 - p) / draws), p + 4 * Math.Sqrt(p * (1 - p) / draws));
        }

        Assert.Throws<ArgumentException>(() => model.CrossEntropy(document, new int[3], draws));
    }
}
