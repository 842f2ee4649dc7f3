using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Models;

/// <summary>The real distribution that human authors sample from in the theory scenarios.</summary>
public abstract record TrueDistribution
{
    /// <summary>Draws one document of <paramref name="length"/> units from the true distribution.</summary>
    public abstract DocumentContent Sample(int length, Random random);
}
