using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Models;

/// <summary>A true categorical distribution over categories 0..n-1; documents are category indices as tokens.</summary>
public sealed record CategoricalTruth(double[] Probabilities) : TrueDistribution
{
    /// <inheritdoc />
    public override DocumentContent Sample(int length, Random random)
    {
        var tokens = new int[length];
        for (var i = 0; i < length; i++)
        {
            tokens[i] = CategoricalSampler.Draw(Probabilities, random);
        }

        return DocumentContent.FromTokens(tokens);
    }
}
