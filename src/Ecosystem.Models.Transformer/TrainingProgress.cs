namespace Ecosystem.Models.Transformer;

/// <summary>A progress report from a training run, sent every few optimiser steps and at the end of each epoch.</summary>
/// <param name="Epoch">Current epoch, from 1.</param>
/// <param name="Epochs">Epochs in the run.</param>
/// <param name="Step">Optimiser steps done.</param>
/// <param name="Steps">Optimiser steps in the run.</param>
/// <param name="Loss">Mean cross-entropy (nats per token) over the steps since the previous report.</param>
/// <param name="TokensPerSecond">Training throughput since the previous report.</param>
/// <param name="EtaSeconds">Time left at the mean pace of the run so far.</param>
public sealed record TrainingProgress(int Epoch, int Epochs, int Step, int Steps, double Loss, double TokensPerSecond, double EtaSeconds = double.NaN);
