using Ecosystem.Abstractions.Corpus;
using Ecosystem.Models;

namespace Ecosystem.Grains.Measurement;

/// <summary>A model's token-level perplexity on the held-out human documents, overall and per genre.</summary>
/// <remarks>Per genre because collapse eats the tails first: a minority genre's perplexity rising faster than the
/// majority's is how "the tails disappear" shows in text, where a classifier's genre labels of generated text
/// would mostly measure the classifier.</remarks>
/// <param name="Overall">exp of the mean negative log-likelihood per token over every held-out document.</param>
/// <param name="ByGenre">The same over each genre's documents, in ordinal genre order.</param>
public sealed record HeldOutPerplexity(double Overall, IReadOnlyList<(string Genre, double Perplexity)> ByGenre)
{
    /// <summary>Scores <paramref name="documents"/> (with their <paramref name="genres"/>) once under <paramref name="model"/>.</summary>
    public static HeldOutPerplexity Of(IGenerativeModel model, IReadOnlyList<DocumentContent> documents, IReadOnlyList<string> genres)
    {
        var scores = model.ScoreMany(documents);
        var perGenre = new SortedDictionary<string, (double LogLikelihood, long Units)>(StringComparer.Ordinal);
        double logLikelihood = 0;
        long units = 0;
        var i = 0;
        foreach (var score in scores)
        {
            logLikelihood += score.LogLikelihood;
            units += score.Units;
            if (i < genres.Count)
            {
                var (l, u) = perGenre.GetValueOrDefault(genres[i]);
                perGenre[genres[i]] = (l + score.LogLikelihood, u + score.Units);
            }

            i++;
        }

        return new HeldOutPerplexity(
            Perplexity(logLikelihood, units),
            perGenre.Select(g => (g.Key, Perplexity(g.Value.LogLikelihood, g.Value.Units))).ToList());
    }

    private static double Perplexity(double logLikelihood, long units) => units == 0 ? double.NaN : Math.Exp(-logLikelihood / units);
}
