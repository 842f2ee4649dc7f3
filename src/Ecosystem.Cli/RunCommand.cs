using System.CommandLine;
using System.Globalization;
using Ecosystem.Reports;
using Ecosystem.Runner;
using Ecosystem.Scenarios;
using Spectre.Console;

namespace Ecosystem.Cli;

/// <summary><c>ecosystem run SCENARIO</c>: runs a scenario on an embedded silo, writes metrics, samples and plots, prints a summary.</summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Path of the scenario JSON file." };
        var seed = new Option<long?>("--seed") { Description = "Override the scenario's seed." };
        var output = new Option<string?>("--out") { Description = "Output folder (default: runs/<name>-seed<seed>-<time>). Must not already hold a run." };
        var noPlots = new Option<bool>("--no-plots") { Description = "Skip writing PNG plots." };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "While the run lasts, serve Prometheus metrics on http://localhost:PORT/metrics." };
        var command = new Command("run", "Run a scenario on an embedded single-process silo. Writes metrics.csv, run.json, samples.jsonl and plots/*.png, and prints a summary table.")
        {
            scenario, seed, output, noPlots, metricsPort,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            parse.GetValue(scenario)!, parse.GetValue(seed), parse.GetValue(output), !parse.GetValue(noPlots), parse.GetValue(metricsPort), cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(string scenarioPath, long? seed, string? outputDirectory, bool plots, int? metricsPort, CancellationToken cancellationToken)
    {
        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.LoadFile(scenarioPath);
        }
        catch (ScenarioValidationException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.InvalidInput;
        }

        if (seed is { } overridden)
        {
            if (overridden < 0)
            {
                Console.Error.WriteLine($"--seed: found {overridden}; must be >= 0.");
                return ExitCodes.InvalidInput;
            }

            scenario = scenario with { Seed = overridden };
        }

        if (metricsPort is < 1 or > 65535)
        {
            Console.Error.WriteLine($"--metrics-port: found {metricsPort}; must be 1..65535.");
            return ExitCodes.InvalidInput;
        }

        outputDirectory ??= Path.Combine("runs", $"{scenario.Name}-seed{scenario.Seed}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        if (File.Exists(Path.Combine(outputDirectory, RunFiles.Manifest)))
        {
            Console.Error.WriteLine($"--out: '{outputDirectory}' already holds a run; choose another folder.");
            return ExitCodes.InvalidInput;
        }

        Console.Out.WriteLine($"Scenario '{scenario.Name}', seed {scenario.Seed}, {scenario.Ticks} ticks, {scenario.Vendors.Count} vendor(s), {scenario.Replicates} replicate(s).");
        Console.Out.WriteLine($"Output: {Path.GetFullPath(outputDirectory)}");
        await using var cluster = await EmbeddedCluster.StartAsync(t => t.MetricsPort = metricsPort ?? t.MetricsPort, cancellationToken);
        var runner = new ScenarioRunner(cluster.Client);
        RunResult result;
        try
        {
            result = await RunWithProgressAsync(runner, scenario, outputDirectory, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Cancelled; the ticks written so far are in metrics.csv and run.json says \"cancelled\".");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
        {
            Console.Error.WriteLine($"Input error: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Run failed: {e.Message}");
            return ExitCodes.Failure;
        }

        if (plots)
        {
            var written = RunPlots.WriteAll(result.Metrics, Path.Combine(outputDirectory, RunFiles.Plots));
            RunOutput.RecordFiles(outputDirectory);
            Console.Out.WriteLine($"Plots: {written.Count} PNG file(s) in {Path.Combine(outputDirectory, RunFiles.Plots)}");
        }

        AnsiConsole.Write(SummaryTable.From(result.Metrics).ToSpectreTable());
        Console.Out.WriteLine(SummaryTable.Headline(result.Metrics));
        return ExitCodes.Success;
    }

    private static async Task<RunResult> RunWithProgressAsync(ScenarioRunner runner, Scenario scenario, string outputDirectory, CancellationToken cancellationToken)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            var lines = new Progress<RunProgress>(p => Console.Out.WriteLine(Describe(p)));
            return await runner.RunAsync(scenario, outputDirectory, lines, cancellationToken);
        }

        RunResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"tick 0/{scenario.Ticks}", maxValue: scenario.Ticks);
                var progress = new Progress<RunProgress>(p =>
                {
                    task.Value = p.CompletedTicks;
                    task.Description = Describe(p);
                });
                result = await runner.RunAsync(scenario, outputDirectory, progress, cancellationToken);
            });
        return result!;
    }

    private static string Describe(RunProgress p) => p.Training.Count > 0
        ? string.Create(CultureInfo.InvariantCulture, $"tick {p.CompletedTicks + 1}/{p.TotalTicks}: training ")
          + string.Join("; ", p.Training.Select(a => string.Create(CultureInfo.InvariantCulture,
              $"{a.Vendor} g{a.Generation} epoch {a.Epoch}/{a.Epochs} step {a.Step}/{a.Steps} loss {a.Loss:F3} {a.TokensPerSecond:N0} tok/s")))
        : string.Create(CultureInfo.InvariantCulture,
            $"tick {p.CompletedTicks}/{p.TotalTicks}: {p.DocumentsPublished:N0} documents published, {p.GenerationsTrained} generation(s) trained, {p.Elapsed.TotalSeconds:F1} s");
}
