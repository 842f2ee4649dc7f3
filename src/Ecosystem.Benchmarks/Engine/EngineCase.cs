namespace Ecosystem.Benchmarks.Engine;

/// <summary>One configuration of the engine suite: a population of human authors publishing a number of documents per tick.</summary>
/// <param name="Authors">Human authors.</param>
/// <param name="DocumentsPerTick">Documents all authors together publish per tick.</param>
/// <param name="Ticks">Ticks simulated.</param>
public sealed record EngineCase(int Authors, int DocumentsPerTick, int Ticks)
{
    /// <summary>The case name recorded with its figures.</summary>
    public string Name => $"authors-{Authors}";
}
