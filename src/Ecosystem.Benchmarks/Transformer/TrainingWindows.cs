using System.Diagnostics;
using Ecosystem.Models.Transformer;

namespace Ecosystem.Benchmarks.Transformer;

/// <summary>Collects the trainer's progress reports (one every few optimiser steps, each with the throughput since the
/// previous one) so that the steady-state rate can be told apart from the first steps' warm-up.</summary>
/// <param name="tokensPerStep">Predicted tokens in one optimiser step.</param>
public sealed class TrainingWindows(int tokensPerStep) : IProgress<TrainingProgress>
{
    private readonly List<(double Tokens, double Seconds)> _windows = [];
    private readonly List<double> _processorSeconds = [];
    private int _lastStep;

    /// <summary>(tokens, seconds) of every reported window, in order.</summary>
    public IReadOnlyList<(double Tokens, double Seconds)> Windows => _windows;

    /// <summary>Cores the process kept busy over the steady-state windows (all but the first); NaN with fewer than two.</summary>
    public double SteadyCoresBusy => _windows.Count < 2
        ? double.NaN
        : (_processorSeconds[^1] - _processorSeconds[0]) / _windows.Skip(1).Sum(w => w.Seconds);

    /// <inheritdoc />
    public void Report(TrainingProgress value)
    {
        var tokens = (double)(value.Step - _lastStep) * tokensPerStep;
        _lastStep = value.Step;
        if (tokens > 0 && value.TokensPerSecond > 0)
        {
            _windows.Add((tokens, tokens / value.TokensPerSecond));
            using var process = Process.GetCurrentProcess();
            _processorSeconds.Add(process.TotalProcessorTime.TotalSeconds);
        }
    }
}
