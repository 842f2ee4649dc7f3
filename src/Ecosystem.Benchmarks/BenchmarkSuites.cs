using Ecosystem.Benchmarks.Cluster;
using Ecosystem.Benchmarks.Engine;
using Ecosystem.Benchmarks.Nature;
using Ecosystem.Benchmarks.NGram;
using Ecosystem.Benchmarks.Transformer;
using Ecosystem.Benchmarks.WebScale;

namespace Ecosystem.Benchmarks;

/// <summary>Every suite the command knows, in the order "all" runs them.</summary>
public static class BenchmarkSuites
{
    /// <summary>The value of <c>--suite</c> that runs every suite.</summary>
    public const string AllName = "all";

    /// <summary>The suites.</summary>
    public static IReadOnlyList<IBenchmarkSuite> All { get; } = [new EngineSuite(), new NGramSuite(), new TransformerSuite(), new ClusterSuite(), new NatureSuite(), new WebScaleSuite()];

    /// <summary>The suites that <paramref name="name"/> selects.</summary>
    public static IReadOnlyList<IBenchmarkSuite> Select(string name) =>
        name == AllName ? All : All.Where(s => s.Name == name).ToList();

    /// <summary>The suite called <paramref name="name"/>, or null.</summary>
    public static IBenchmarkSuite? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
