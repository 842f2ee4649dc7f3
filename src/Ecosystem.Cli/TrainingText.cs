using System.Globalization;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Models.Transformer;

namespace Ecosystem.Cli;

/// <summary>One line of text for a model in training: where it is, its loss, speed and time left.</summary>
public static class TrainingText
{
    /// <summary>e.g. <c>no-original base epoch 1/6 step 120/3,300 loss 5.812 8,120 tok/s ETA 6m40s</c>.</summary>
    public static string Describe(TrainingActivity a) =>
        $"{a.Vendor} {(a.Generation == TrainingActivity.BaseGeneration ? "base" : "g" + a.Generation.ToString(CultureInfo.InvariantCulture))} " +
        Line(a.Epoch, a.Epochs, a.Step, a.Steps, a.Loss, a.TokensPerSecond, a.EtaSeconds);

    /// <summary>e.g. <c>epoch 1/6 step 120/3,300 loss 5.812 8,120 tok/s ETA 6m40s</c>.</summary>
    public static string Describe(TrainingProgress p) =>
        Line(p.Epoch, p.Epochs, p.Step, p.Steps, p.Loss, p.TokensPerSecond, double.IsFinite(p.EtaSeconds) ? p.EtaSeconds : null);

    /// <summary>" ETA 6m40s", or nothing when unknown.</summary>
    public static string Eta(double? seconds) => seconds is { } s && double.IsFinite(s) && s >= 0
        ? " ETA " + (s >= 60 ? $"{(int)(s / 60)}m{(int)(s % 60):D2}s" : $"{(int)s}s")
        : "";

    private static string Line(int epoch, int epochs, int step, int steps, double loss, double tokensPerSecond, double? eta) =>
        string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}/{epochs} step {step:N0}/{steps:N0} loss {loss:F3} {tokensPerSecond:N0} tok/s{Eta(eta)}");
}
