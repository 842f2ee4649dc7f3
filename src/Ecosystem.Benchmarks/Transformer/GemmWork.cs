namespace Ecosystem.Benchmarks.Transformer;

/// <summary>A matrix product a workload performs, named after its part of the model, and how often per workload unit.</summary>
/// <param name="Part">Which product of the model it is ("layer 1-2 qkv forward", "output layer weight gradient", ...).</param>
/// <param name="Shape">Its shape and layout.</param>
/// <param name="Calls">How many times the workload performs it (per optimiser step, scoring batch or generation run).</param>
public sealed record GemmWork(string Part, GemmShape Shape, double Calls)
{
    /// <summary>Floating-point operations of all the calls.</summary>
    public double Flops => Shape.Flops * Calls;
}
