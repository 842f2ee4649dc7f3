namespace Ecosystem.Models;

/// <summary>The log-likelihood of one document and the number of units (tokens or values) it covers.</summary>
public readonly record struct DocumentScore(double LogLikelihood, int Units)
{
    /// <summary>Mean negative log-likelihood per unit (nats).</summary>
    public double NegativeLogLikelihoodPerUnit => Units == 0 ? 0 : -LogLikelihood / Units;

    /// <summary>exp of the mean negative log-likelihood per unit.</summary>
    public double Perplexity => Math.Exp(NegativeLogLikelihoodPerUnit);
}
