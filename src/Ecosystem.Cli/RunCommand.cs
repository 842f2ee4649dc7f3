using System.CommandLine;
using System.Globalization;
using Ecosystem.Corpus;
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
        var maxDocuments = new Option<long?>("--max-documents")
        {
            Description = "Stop the run with an error once the corpora (all worlds together) hold more documents than this (overrides limits.maxCorpusDocuments).",
        };
        var command = new Command("run", "Run a scenario on an embedded single-process silo. Writes metrics.csv, run.json, samples.jsonl and plots/*.png, and prints a summary table. " +
                                         "Exit code 0 on success, 2 on invalid input (scenario, options, corpus), 1 when the run fails.")
        {
            scenario, seed, output, noPlots, metricsPort, maxDocuments,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            new RunRequest(parse.GetValue(scenario)!, parse.GetValue(seed), parse.GetValue(output), !parse.GetValue(noPlots), parse.GetValue(metricsPort), parse.GetValue(maxDocuments)),
            parse.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(RunRequest request, InvocationConfiguration io, CancellationToken cancellationToken)
    {
        var (output, error) = (io.Output, io.Error);
        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.LoadFile(request.ScenarioPath);
        }
        catch (ScenarioValidationException e)
        {
            error.WriteLine(e.Message);
            return ExitCodes.InvalidInput;
        }

        if (request.Seed is { } overridden)
        {
            if (overridden < 0)
            {
                error.WriteLine($"--seed: found {overridden}; must be >= 0.");
                return ExitCodes.InvalidInput;
            }

            scenario = scenario with { Seed = overridden };
        }

        if (request.MetricsPort is < 1 or > 65535)
        {
            error.WriteLine($"--metrics-port: found {request.MetricsPort}; must be 1..65535.");
            return ExitCodes.InvalidInput;
        }

        if (request.MaxDocuments is { } cap)
        {
            if (cap < 1)
            {
                error.WriteLine($"--max-documents: found {cap}; must be >= 1.");
                return ExitCodes.InvalidInput;
            }

            scenario = scenario with { Limits = scenario.Limits with { MaxCorpusDocuments = cap } };
        }

        var outputDirectory = request.OutputDirectory ??
            Path.Combine("runs", $"{scenario.Name}-seed{scenario.Seed}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        if (File.Exists(Path.Combine(outputDirectory, RunFiles.Manifest)))
        {
            error.WriteLine($"--out: '{outputDirectory}' already holds a run; choose another folder.");
            return ExitCodes.InvalidInput;
        }

        output.WriteLine($"Scenario '{scenario.Name}', seed {scenario.Seed}, {scenario.Ticks} ticks, {scenario.Vendors.Count} vendor(s), {scenario.Replicates} replicate(s).");
        output.WriteLine($"Output: {Path.GetFullPath(outputDirectory)}");
        var console = ReferenceEquals(output, Console.Out)
            ? AnsiConsole.Console
            : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No });
        await using var cluster = await EmbeddedCluster.StartAsync(t => t.MetricsPort = request.MetricsPort ?? t.MetricsPort, cancellationToken);
        var runner = new ScenarioRunner(cluster.Client);
        RunResult result;
        try
        {
            result = await RunWithProgressAsync(runner, scenario, outputDirectory, console, output, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("Cancelled; the ticks written so far are in metrics.csv and run.json says \"cancelled\".");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or CorpusFormatException)
        {
            error.WriteLine($"Input error: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (DocumentCapExceededException e)
        {
            error.WriteLine($"Run stopped: {e.Message} The ticks run so far are in metrics.csv; run.json says \"failed\".");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            error.WriteLine($"Run failed: {e.Message}");
            return ExitCodes.Failure;
        }

        if (request.Plots)
        {
            try
            {
                var written = RunPlots.WriteAll(result.Metrics, Path.Combine(outputDirectory, RunFiles.Plots));
                RunOutput.RecordFiles(outputDirectory);
                output.WriteLine($"Plots: {written.Count} PNG file(s) in {Path.Combine(outputDirectory, RunFiles.Plots)}");
            }
            catch (IOException e)
            {
                // The run's own files are complete (run.json says so); only the pictures drawn from them are missing.
                error.WriteLine($"The run completed, but its plots could not be written: {e.Message}");
                return ExitCodes.Failure;
            }
        }

        console.Write(SummaryTable.From(result.Metrics).ToSpectreTable());
        output.WriteLine(SummaryTable.Headline(result.Metrics));
        return ExitCodes.Success;
    }

    private static async Task<RunResult> RunWithProgressAsync(ScenarioRunner runner, Scenario scenario, string outputDirectory, IAnsiConsole console,
        TextWriter output, CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            var lines = new Progress<RunProgress>(p => output.WriteLine(Describe(p)));
            return await runner.RunAsync(scenario, outputDirectory, lines, cancellationToken);
        }

        RunResult? result = null;
        await console.Progress()
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

    /// <summary>What <c>ecosystem run</c> was asked to do.</summary>
    private sealed record RunRequest(string ScenarioPath, long? Seed, string? OutputDirectory, bool Plots, int? MetricsPort, long? MaxDocuments);
}
