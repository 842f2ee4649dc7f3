namespace Ecosystem.Cli.Tests;

/// <summary>The console shows the run, not the runtime's notes: Orleans' start-up warnings go to runtime.log in the run
/// folder, and --verbose prints them on the console as well.</summary>
public sealed class QuietConsoleTests : IDisposable
{
    private readonly TinyRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task A_run_keeps_the_runtime_log_in_its_folder_and_off_the_console()
    {
        var result = await CliInvocation.ProcessAsync(TimeSpan.FromMinutes(2), "run", _run.Scenario(), "--out", _run.OutputDirectory, "--no-plots");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("Orleans.", result.Output + result.Error, StringComparison.Ordinal);
        Assert.Contains("tick 3/3", result.Output, StringComparison.Ordinal);
        var log = await File.ReadAllTextAsync(Path.Combine(_run.OutputDirectory, "runtime.log"));
        Assert.Contains("Orleans.Runtime.Silo", log, StringComparison.Ordinal);
        Assert.Contains("ServerGC", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbose_prints_the_runtime_log_on_the_console_too()
    {
        var result = await CliInvocation.ProcessAsync(TimeSpan.FromMinutes(2), "run", _run.Scenario(), "--out", _run.OutputDirectory, "--no-plots", "--verbose");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Orleans.Runtime.Silo", result.Output + result.Error, StringComparison.Ordinal);
    }
}
