using System.Globalization;
using Ecosystem.Abstractions.Simulation;

namespace Ecosystem.Cli;

/// <summary>One line of text for a model in training: which model, where it is, its loss, speed and time left.</summary>
public static class TrainingText
{
    /// <summary>e.g. <c>no-original base epoch 1/6 step 120/3,300 loss 5.812 8,120 tok/s ETA 6m40s</c>.</summary>
    public static string Describe(TrainingActivity a) => string.Create(CultureInfo.InvariantCulture,
        $"{a.Vendor} {(a.Generation == TrainingActivity.BaseGeneration ? "base" : "g" + a.Generation)} epoch {a.Epoch}/{a.Epochs} step {a.Step:N0}/{a.Steps:N0} " +
        $"loss {a.Loss:F3} {a.TokensPerSecond:N0} tok/s{Eta(a.EtaSeconds)}");

    /// <summary>" ETA 6m40s", or nothing when unknown.</summary>
    public static string Eta(double? seconds) => seconds is { } s && double.IsFinite(s) && s >= 0
        ? " ETA " + (s >= 60 ? $"{(int)(s / 60)}m{(int)(s % 60):D2}s" : $"{(int)s}s")
        : "";
}
