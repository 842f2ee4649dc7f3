using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Models;

/// <summary>A fitted model: it samples documents, scores documents and describes its own parameters.</summary>
public interface IGenerativeModel
{
    /// <summary>Draws <paramref name="count"/> documents. Deterministic given <paramref name="random"/>.</summary>
    IReadOnlyList<DocumentContent> Sample(int count, SamplingOptions options, Random random, CancellationToken cancellationToken = default);

    /// <summary>Log-likelihood of a document under the model (natural log; a density for continuous data).</summary>
    DocumentScore Score(DocumentContent document);

    /// <summary>Fitted parameters worth reporting as metrics (for example variance, mean, vocabulary size).</summary>
    IReadOnlyList<ModelStatistic> Describe();

    /// <summary>Distances to the true distribution where theory defines them (for example Wasserstein-2, KL);
    /// empty when the family has no closed-form truth to compare with.</summary>
    IReadOnlyList<ModelStatistic> CompareTo(TrueDistribution truth);
}
