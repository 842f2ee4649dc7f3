using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Models;

/// <summary>A fitted model: it samples documents, scores documents and describes its own parameters.</summary>
public interface IGenerativeModel
{
    /// <summary>Draws <paramref name="count"/> documents. Deterministic given <paramref name="random"/>.</summary>
    IReadOnlyList<DocumentContent> Sample(int count, SamplingOptions options, Random random, CancellationToken cancellationToken = default);

    /// <summary>Log-likelihood of a document under the model (natural log; a density for continuous data).</summary>
    DocumentScore Score(DocumentContent document);

    /// <summary>Scores many documents; families that batch (transformer) override it, the rest score one by one.</summary>
    IReadOnlyList<DocumentScore> ScoreMany(IReadOnlyList<DocumentContent> documents, CancellationToken cancellationToken = default)
    {
        var scores = new DocumentScore[documents.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            scores[i] = Score(documents[i]);
        }

        return scores;
    }

    /// <summary>Fitted parameters worth reporting as metrics (for example variance, mean, vocabulary size).</summary>
    IReadOnlyList<ModelStatistic> Describe();

    /// <summary>Distances to the true distribution where theory defines them (for example Wasserstein-2, KL);
    /// empty when the family has no closed-form truth to compare with.</summary>
    IReadOnlyList<ModelStatistic> CompareTo(TrueDistribution truth);
}
