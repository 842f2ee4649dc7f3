using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecosystem.Reports;
using Ecosystem.Runner;
using Ecosystem.Scenarios;
using Spectre.Console;

namespace Ecosystem.Cli;

/// <summary><c>ecosystem fork RUN --at T --set PATH=VALUE</c>: a what-if branch of a finished run that shares its
/// history up to tick T and runs on with a changed policy.</summary>
public static class ForkCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var parent = new Argument<string>("run") { Description = "Folder of the run to fork (it holds run.json and metrics.csv)." };
        var at = new Option<int>("--at") { Description = "The fork tick: the first tick run with the changed policy (1..the parent's completed ticks).", Required = true };
        var set = new Option<string[]>("--set")
        {
            Description = "A changed policy, PATH=VALUE with a JSON pointer into a vendor's training, decoding or deployment or its " +
                          "watermark adoption and a JSON value, e.g. /vendors/0/watermark/adoption=1 or '/vendors/0/training/policy=\"accumulate\"'. Repeatable.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string?>("--out") { Description = "Output folder (default: the parent's folder name + '-fork<T>-<time>')." };
        var noPlots = new Option<bool>("--no-plots") { Description = "Skip writing PNG plots." };
        var cluster = new ClusterTargetOptions();
        var command = new Command("fork", "Fork a run: the same scenario and seed, the same history up to --at (recomputed and checked against the parent's metrics.csv), " +
                                          "then the changed policies. Writes the usual run files; run.json names the parent and the fork tick.")
        {
            parent, at, set, output, noPlots, cluster.Cluster, cluster.Redis, cluster.Verbose,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            parse.GetValue(parent)!, parse.GetValue(at), parse.GetValue(set) ?? [], parse.GetValue(output), !parse.GetValue(noPlots), cluster.TargetOf(parse), cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(string parentDirectory, int tick, string[] sets, string? outputDirectory, bool plots, RunTarget target,
        CancellationToken cancellationToken)
    {
        Scenario scenario;
        RunFork fork;
        try
        {
            (scenario, fork) = RunFork.Plan(parentDirectory, tick, [.. sets.Select(ParseChange)]);
        }
        catch (ScenarioValidationException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.InvalidInput;
        }

        outputDirectory ??= Path.TrimEndingDirectorySeparator(parentDirectory) + string.Create(CultureInfo.InvariantCulture, $"-fork{tick}-{DateTime.Now:yyyyMMdd-HHmmss}");
        if (File.Exists(Path.Combine(outputDirectory, RunFiles.Manifest)))
        {
            Console.Error.WriteLine($"--out: '{outputDirectory}' already holds a run; choose another folder.");
            return ExitCodes.InvalidInput;
        }

        Console.Out.WriteLine($"Fork of {fork.ParentRunId} at tick {tick}: {string.Join("; ", sets)}");
        Console.Out.WriteLine($"Output: {Path.GetFullPath(outputDirectory)}");
        var (cluster, exitCode) = await target.ConnectAsync(Console.Error, telemetry: null, Path.Combine(outputDirectory, RunFiles.RuntimeLog), cancellationToken);
        if (cluster is null)
        {
            return exitCode;
        }

        await using var connected = cluster;
        RunResult result;
        try
        {
            // Training reports arrive many times a tick with the same text here; one line per tick is what a fork shows.
            var lines = new ProgressLines<RunProgress>(Console.Out, p => string.Create(CultureInfo.InvariantCulture,
                $"tick {p.CompletedTicks}/{p.TotalTicks}{(p.CompletedTicks <= tick ? " (shared history)" : "")}"), p => p.CompletedTicks);
            result = await new ScenarioRunner(cluster.Client) { OnWarning = message => Console.Error.WriteLine($"Warning: {message}") }
                .RunAsync(scenario, outputDirectory, lines, cancellationToken, fork);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Cancelled; the ticks written so far are in metrics.csv and run.json says \"cancelled\".");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Fork failed: {e.Message}");
            return ExitCodes.Failure;
        }

        if (plots)
        {
            RunPlots.WriteAll(result.Metrics, Path.Combine(outputDirectory, RunFiles.Plots));
            RunOutput.RecordFiles(outputDirectory);
        }

        AnsiConsole.Write(SummaryTable.From(result.Metrics).ToSpectreTable());
        Console.Out.WriteLine(SummaryTable.Headline(result.Metrics));
        return ExitCodes.Success;
    }

    private static (string Path, JsonNode? Value) ParseChange(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ScenarioValidationException("--set", [new ScenarioError("--set", $"found '{text}'; expected PATH=VALUE, e.g. /vendors/0/watermark/adoption=1")]);
        }

        try
        {
            return (text[..equals], JsonNode.Parse(text[(equals + 1)..]));
        }
        catch (JsonException e)
        {
            throw new ScenarioValidationException("--set", [new ScenarioError("--set", $"the value of '{text[..equals]}' is not JSON ({e.Message}); strings need quotes: \"accumulate\"")]);
        }
    }
}
