using Ecosystem.Benchmarks.Results;

namespace Ecosystem.Benchmarks.Tests;

public sealed class MachineFactsTests
{
    [Theory]
    [InlineData("9", true)]
    [InlineData(9, true)]
    [InlineData("0", false)]
    [InlineData(null, false)]
    public void The_garbage_collector_is_named_with_its_conserve_memory_level_when_one_is_set(object? level, bool named)
    {
        var description = MachineFacts.GarbageCollectorOf(level);

        Assert.StartsWith(System.Runtime.GCSettings.IsServerGC ? "server, " : "workstation, ", description, StringComparison.Ordinal);
        Assert.Equal(named, description.EndsWith(", ConserveMemory 9", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("8388608", true)]
    [InlineData(8388608L, true)]
    [InlineData(null, false)]
    public void The_large_object_threshold_is_named_when_one_is_set(object? threshold, bool named)
    {
        var description = MachineFacts.GarbageCollectorOf("9", threshold);

        Assert.Equal(named, description.EndsWith(", ConserveMemory 9, large objects from 8.0 MiB", StringComparison.Ordinal));
        Assert.Contains(", ConserveMemory 9", description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("false", null, "optimizing JIT first")]
    [InlineData(false, null, "optimizing JIT first")]
    [InlineData(null, null, "quick JIT first")]
    [InlineData("true", null, "quick JIT first")]
    [InlineData("false", "1", "quick JIT first")]
    [InlineData(null, "0", "optimizing JIT first")]
    public void The_jit_is_named_from_the_configuration_unless_the_environment_overrides_it(object? configured, string? environment, string expected)
    {
        Assert.Equal(expected, MachineFacts.JitOf(configured, environment));
    }
}
