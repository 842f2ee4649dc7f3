namespace Ecosystem.Models.Transformer;

/// <summary>What a training run did: epochs, steps, tokens, the mean loss of every epoch and the throughput.</summary>
public sealed record TrainingSummary(int Epochs, int Steps, long Tokens, IReadOnlyList<double> EpochLosses, double TokensPerSecond, bool FineTuned)
{
    /// <summary>Mean training loss of the last epoch (nats per token).</summary>
    public double FinalLoss => EpochLosses.Count == 0 ? double.NaN : EpochLosses[^1];
}
