using System.Globalization;
using Ecosystem.Abstractions.Models;

namespace Ecosystem.Benchmarks.Transformer;

/// <summary>The decoder the transformer suite measures on both sides: architecture, batch and vocabulary.</summary>
/// <param name="Layers">Decoder blocks.</param>
/// <param name="Heads">Attention heads per block.</param>
/// <param name="Width">Model width.</param>
/// <param name="Context">Tokens per training block, and the attention window when generating.</param>
/// <param name="Batch">Blocks per optimiser step.</param>
/// <param name="Vocabulary">Token ids the random training blocks draw from (the rows of the tied embedding).</param>
public sealed record TransformerShape(int Layers, int Heads, int Width, int Context, int Batch, int Vocabulary)
{
    /// <summary>The shape the suite runs; change the benchmark's model here.</summary>
    public static TransformerShape Benchmark { get; } = new(Layers: 2, Heads: 4, Width: 128, Context: 64, Batch: 32, Vocabulary: 8000);

    /// <summary>Settings of the simulator's decoder with this shape, on the CPU, as a vendor trains it.</summary>
    public TransformerSettings Settings() => new()
    {
        Layers = Layers, Heads = Heads, Width = Width, Context = Context, BatchSize = Batch, Epochs = 1, Dropout = 0.1, Device = DeviceKind.Cpu,
    };

    /// <summary>Tokens in one optimiser step.</summary>
    public int TokensPerStep => Batch * Context;

    /// <summary>"2 layers, 4 heads, width 128, ..." for case names.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Layers} layers, {Heads} heads, width {Width}, context {Context}, batch {Batch}, vocabulary {Vocabulary:N0}");
}
