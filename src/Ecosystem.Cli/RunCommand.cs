using System.CommandLine;
using System.Globalization;
using Ecosystem.Corpus;
using Ecosystem.Reports;
using Ecosystem.Runner;
using Ecosystem.Scenarios;
using Spectre.Console;

namespace Ecosystem.Cli;

/// <summary><c>ecosystem run SCENARIO</c>: runs a scenario on an embedded silo (or a cluster), writes metrics, samples and
/// plots, prints a summary; <c>ecosystem run --resume DIR</c> continues an unfinished run.</summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var scenario = new Argument<string?>("scenario") { Description = "Path of the scenario JSON file (omit with --resume).", Arity = ArgumentArity.ZeroOrOne };
        var seed = new Option<long?>("--seed") { Description = "Override the scenario's seed." };
        var output = new Option<string?>("--out") { Description = "Output folder (default: runs/<name>-seed<seed>-<time>). Must not already hold a run." };
        var noPlots = new Option<bool>("--no-plots") { Description = "Skip writing PNG plots." };
        var corpus = new Option<bool>("--corpus")
        {
            Description = "When the run completes, write its web into the output folder as Apache Arrow IPC files, " +
                          "corpus/replicate=R/shard-SSS-tick-TTTTTT.arrow (open them with pyarrow, pandas or DuckDB; see docs/corpus.md).",
        };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "While the run lasts, serve Prometheus metrics on http://localhost:PORT/metrics (embedded silo)." };
        var maxDocuments = new Option<long?>("--max-documents")
        {
            Description = "Stop the run with an error once the corpora (all worlds together) hold more documents than this (overrides limits.maxCorpusDocuments).",
        };
        var cluster = new ClusterTargetOptions();
        var resume = new Option<string?>("--resume")
        {
            Description = "Continue the unfinished run in this folder from its last completed tick (rows already written are kept). " +
                          "With --cluster redis it continues from the state the cluster kept; otherwise the missing ticks are computed again and checked.",
        };
        var command = new Command("run", "Run a scenario and write metrics.csv, run.json, samples.jsonl and plots/*.png, then print a summary table. " +
                                         "Runs on a silo in this process unless --cluster redis names a running cluster. " +
                                         "Exit code 0 on success, 2 on invalid input (scenario, options, corpus), 1 when the run fails. Environment: Cluster__Mode, " +
                                         "Cluster__RedisConnectionString, Cluster__ClusterId, Cluster__ServiceId (client of a cluster); Storage__BlobDirectory, or " +
                                         "Storage__Kind=azure with Storage__AzureConnectionString and Storage__AzureContainer (embedded silo's blobs; " +
                                         "see docs/cluster.md); Telemetry__* (see docs/telemetry.md).")
        {
            scenario, seed, output, noPlots, corpus, metricsPort, maxDocuments, cluster.Cluster, cluster.Redis, cluster.Verbose, resume,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var target = cluster.TargetOf(parse);
            var request = new RunRequest(parse.GetValue(scenario), parse.GetValue(seed), parse.GetValue(output), !parse.GetValue(noPlots),
                parse.GetValue(metricsPort), parse.GetValue(maxDocuments), target, parse.GetValue(corpus));
            return parse.GetValue(resume) is { } folder
                ? ResumeAsync(request, folder, parse.InvocationConfiguration, cancellationToken)
                : ExecuteAsync(request, parse.InvocationConfiguration, cancellationToken);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(RunRequest request, InvocationConfiguration io, CancellationToken cancellationToken)
    {
        var (output, error) = (io.Output, io.Error);
        if (request.ScenarioPath is null)
        {
            error.WriteLine("scenario: missing; give a scenario file, or --resume DIR to continue a run.");
            return ExitCodes.InvalidInput;
        }

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
        return await RunOnClusterAsync(request, outputDirectory, io, scenario.Ticks,
            (runner, progress) => runner.RunAsync(scenario, outputDirectory, progress, cancellationToken), cancellationToken);
    }

    private static async Task<int> ResumeAsync(RunRequest request, string folder, InvocationConfiguration io, CancellationToken cancellationToken)
    {
        var (output, error) = (io.Output, io.Error);
        if (request.ScenarioPath is not null || request.Seed is not null || request.OutputDirectory is not null || request.MaxDocuments is not null)
        {
            error.WriteLine("--resume: the run's folder names its scenario, seed and limits; give no scenario file, --seed, --out or --max-documents with it.");
            return ExitCodes.InvalidInput;
        }

        RunManifest manifest;
        try
        {
            manifest = RunOutput.ReadManifest(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
        {
            error.WriteLine($"--resume: '{folder}' holds no readable run ({e.Message}).");
            return ExitCodes.InvalidInput;
        }

        if (manifest.Status == RunStatusKind.Completed)
        {
            error.WriteLine($"--resume: the run in '{folder}' has completed; there is nothing to resume.");
            return ExitCodes.InvalidInput;
        }

        output.WriteLine($"Resuming run {manifest.RunId} ('{manifest.Scenario}', seed {manifest.Seed}) after {manifest.CompletedTicks} of {manifest.TotalTicks} ticks.");
        output.WriteLine($"Output: {Path.GetFullPath(folder)}");
        return await RunOnClusterAsync(request, folder, io, manifest.TotalTicks,
            (runner, progress) => runner.ResumeAsync(folder, progress, cancellationToken), cancellationToken);
    }

    private static async Task<int> RunOnClusterAsync(RunRequest request, string outputDirectory, InvocationConfiguration io, int ticks,
        Func<ScenarioRunner, IProgress<RunProgress>?, Task<RunResult>> run, CancellationToken cancellationToken)
    {
        var (output, error) = (io.Output, io.Error);
        var target = request.Target;
        var (cluster, exitCode) = await target.ConnectAsync(error, t => t.MetricsPort = request.MetricsPort ?? t.MetricsPort,
            Path.Combine(outputDirectory, RunFiles.RuntimeLog), cancellationToken);
        if (cluster is null)
        {
            return exitCode;
        }

        await using var connected = cluster;
        var runner = new ScenarioRunner(cluster.Client)
        {
            // A cluster that keeps state lets an unfinished run continue later; an embedded silo keeps nothing anyway.
            KeepStateOfUnfinishedRuns = cluster.IsPersistent,
            OnNotice = message => error.WriteLine($"Cluster: {message}"),
            OnWarning = message => error.WriteLine($"Warning: {message}"),
            ExportCorpus = request.Corpus,
        };
        var console = ReferenceEquals(output, Console.Out)
            ? AnsiConsole.Console
            : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No });
        RunResult result;
        try
        {
            result = await RunWithProgressAsync(runner, run, ticks, console, output);
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("Cancelled; the ticks written so far are in metrics.csv and run.json says \"cancelled\".");
            error.WriteLine($"Continue it with: ecosystem run --resume {outputDirectory}{target.Options()}");
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
            error.WriteLine($"The completed ticks are in metrics.csv; continue with: ecosystem run --resume {outputDirectory}{target.Options()}");
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
        var theory = TheoryTable.From(result.Metrics);
        if (!theory.IsEmpty)
        {
            console.Write(theory.ToSpectreTable());
        }

        output.WriteLine(SummaryTable.Headline(result.Metrics));
        return ExitCodes.Success;
    }

    private static async Task<RunResult> RunWithProgressAsync(ScenarioRunner runner, Func<ScenarioRunner, IProgress<RunProgress>?, Task<RunResult>> run, int ticks,
        IAnsiConsole console, TextWriter output)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return await run(runner, new ProgressLines<RunProgress>(output, Describe, p => p.CompletedTicks));
        }

        RunResult? result = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"tick 0/{ticks}", maxValue: ticks);
                var progress = new Progress<RunProgress>(p =>
                {
                    task.Value = p.CompletedTicks;
                    task.Description = Describe(p);
                });
                result = await run(runner, progress);
            });
        return result!;
    }

    private static string Describe(RunProgress p) => p.Training.Count > 0
        ? string.Create(CultureInfo.InvariantCulture, $"tick {p.CompletedTicks + 1}/{p.TotalTicks}: training ")
          + string.Join("; ", p.Training.Select(TrainingText.Describe))
        : string.Create(CultureInfo.InvariantCulture,
            $"tick {p.CompletedTicks}/{p.TotalTicks}: {p.DocumentsPublished:N0} documents published, {p.GenerationsTrained} generation(s) trained, {p.Elapsed.TotalSeconds:F1} s");

    /// <summary>What <c>ecosystem run</c> was asked to do.</summary>
    private sealed record RunRequest(string? ScenarioPath, long? Seed, string? OutputDirectory, bool Plots, int? MetricsPort, long? MaxDocuments, RunTarget Target,
        bool Corpus = false);
}
