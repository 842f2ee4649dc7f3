using System.Diagnostics;
using Ecosystem.Abstractions.Simulation;

namespace Ecosystem.Simulation.Tests;

/// <summary>A silo keeps answering while a model trains, because training runs on a thread of its own rather than on
/// the grain scheduler; the run's clock shows the training's progress meanwhile.</summary>
/// <remarks>Alone in its collection: other test classes of this assembly running at the same time would compete for
/// the same two cores and measure the machine's load, not the scheduler.</remarks>
[Collection(Name)]
public class SiloResponsivenessTests(SingleSiloCluster fixture) : IClassFixture<SingleSiloCluster>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "responsiveness";

    [Fact]
    public async Task Grains_answer_promptly_while_a_model_trains_and_the_clock_shows_its_progress()
    {
        // The warm-up pays for JIT and native loading. Training must then outlast many pings on any machine, so its
        // length follows this machine's speed: one timed epoch sets how many make about three seconds.
        await Prepare("warm-up", epochs: 1).StartAsync();
        var timer = Stopwatch.StartNew();
        await Prepare("timed-epoch", epochs: 1).StartAsync();
        var epochs = (int)Math.Clamp(Math.Ceiling(3000 / Math.Max(1, timer.Elapsed.TotalMilliseconds)), 12, 1000);
        var run = Prepare("responsive", epochs);

        // Both grains answer once before training starts, so what is timed is an answer, not an activation.
        var shard = fixture.Handle.Cluster.GrainFactory.GetGrain<ICorpusShardGrain>("ping/shard");
        var clock = fixture.Handle.Cluster.GrainFactory.GetGrain<IScenarioClockGrain>(run.RunId);
        await shard.GetTickAsync(0);
        await clock.GetStatusAsync();

        using var stalls = new ProcessStallMonitor();
        var training = run.StartAsync();
        var pings = new List<(double Latency, double Stall)>();
        var reports = new List<TrainingActivity>();
        while (!training.IsCompleted)
        {
            var start = Stopwatch.GetTimestamp();
            await shard.GetTickAsync(0);
            var status = await clock.GetStatusAsync();
            var end = Stopwatch.GetTimestamp();
            pings.Add((Stopwatch.GetElapsedTime(start, end).TotalMilliseconds, stalls.LongestStallWithin(start, end).TotalMilliseconds));
            reports.AddRange(status.Training);
            await Task.Delay(50);
        }

        await training;
        Assert.True(pings.Count >= 5, $"training finished after only {pings.Count} pings of {epochs} epochs");
        // A turn on a free grain is sub-millisecond; a second means the scheduler was blocked by training. A time the
        // whole process stood still (a garbage collection, other processes of the test run on the same two cores)
        // delays every thread alike and says nothing about the scheduler, so it is taken out of each answer's time.
        var slowest = pings.MaxBy(p => p.Latency - p.Stall);
        Assert.True(slowest.Latency - slowest.Stall < 1000,
            $"slowest answer while training: {slowest.Latency:F0} ms, of which the process stood still {slowest.Stall:F0} ms " +
            $"(ping {pings.IndexOf(slowest) + 1} of {pings.Count}; median {pings.Select(p => p.Latency).Order().ElementAt(pings.Count / 2):F1} ms)");
        Assert.NotEmpty(reports);
        Assert.All(reports, r =>
        {
            Assert.Equal("opt", r.Vendor);
            Assert.Equal(epochs, r.Epochs);
            Assert.InRange(r.Epoch, 1, epochs);
            Assert.InRange(r.Step, 1, r.Steps);
            Assert.True(r.Loss > 0 && double.IsFinite(r.Loss));
            Assert.True(r.TokensPerSecond > 0);
        });
        Assert.NotEmpty(await run.Generation.PerplexitiesAsync(run.Probe));
    }

    private DirectTraining Prepare(string name, int epochs) =>
        DirectTraining.Prepare(fixture.Handle, TransformerThroughTheEcosystemTests.Protocol, name, epochs);
}

/// <summary>Runs <see cref="SiloResponsivenessTests"/> with no other test class of the assembly beside it.</summary>
[CollectionDefinition(SiloResponsivenessTests.Name, DisableParallelization = true)]
public sealed class ResponsivenessCollection
{
}
