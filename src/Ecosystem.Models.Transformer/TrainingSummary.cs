namespace Ecosystem.Models.Transformer;

/// <summary>What a training run did: epochs, steps, tokens, the mean loss of every epoch and the throughput.</summary>
public sealed record TrainingSummary(int Epochs, int Steps, long Tokens, IReadOnlyList<double> EpochLosses, double TokensPerSecond, bool FineTuned)
{
    /// <summary>Mean training loss of the last epoch (nats per token).</summary>
    public double FinalLoss => EpochLosses.Count == 0 ? double.NaN : EpochLosses[^1];

    /// <summary>Mean loss on the validation documents after every epoch (nats per token), when the fit selected its
    /// epoch on them; empty otherwise.</summary>
    public IReadOnlyList<double> ValidationLosses { get; init; } = [];

    /// <summary>The epoch whose weights the model kept (1-based): the last, or the one with the lowest validation loss.</summary>
    public int SelectedEpoch { get; init; }
}
