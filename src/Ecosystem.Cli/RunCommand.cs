using System.CommandLine;
using System.Globalization;
using Ecosystem.Hosting;
using Ecosystem.Reports;
using Ecosystem.Runner;
using Ecosystem.Scenarios;
using Microsoft.Extensions.Configuration;
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
        var metricsPort = new Option<int?>("--metrics-port") { Description = "While the run lasts, serve Prometheus metrics on http://localhost:PORT/metrics (embedded silo)." };
        var cluster = new Option<ClusterMode?>("--cluster")
        {
            Description = "embedded: a silo in this process (the default, or Cluster__Mode). redis: join a running cluster whose silos " +
                          "register in Redis (ecosystem cluster up starts one) as a client; its grain state survives silo failures, " +
                          "failed ticks are retried and an unfinished run can be resumed.",
        };
        var redis = new Option<string?>("--redis") { Description = "Redis connection string of the cluster for --cluster redis (default: Cluster__RedisConnectionString, else localhost:6379)." };
        var resume = new Option<string?>("--resume")
        {
            Description = "Continue the unfinished run in this folder from its last completed tick (rows already written are kept). " +
                          "With --cluster redis it continues from the state the cluster kept; otherwise the missing ticks are computed again and checked.",
        };
        var command = new Command("run", "Run a scenario and write metrics.csv, run.json, samples.jsonl and plots/*.png, then print a summary table. " +
                                         "Runs on a silo in this process unless --cluster redis names a running cluster. Environment: Cluster__Mode, " +
                                         "Cluster__RedisConnectionString, Cluster__ClusterId, Cluster__ServiceId (client of a cluster); Storage__BlobDirectory " +
                                         "(embedded silo's blobs); Telemetry__* (see README).")
        {
            scenario, seed, output, noPlots, metricsPort, cluster, redis, resume,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var target = new RunTarget(parse.GetValue(cluster) ?? ClusterSettings.From(Environment()).Mode, parse.GetValue(redis));
            return parse.GetValue(resume) is { } folder
                ? ResumeAsync(parse.GetValue(scenario), folder, target, !parse.GetValue(noPlots), parse.GetValue(metricsPort), cancellationToken)
                : ExecuteAsync(parse.GetValue(scenario), parse.GetValue(seed), parse.GetValue(output), target, !parse.GetValue(noPlots), parse.GetValue(metricsPort), cancellationToken);
        });
        return command;
    }

    private static IConfiguration Environment() => new ConfigurationBuilder().AddEnvironmentVariables().Build();

    private static async Task<int> ExecuteAsync(string? scenarioPath, long? seed, string? outputDirectory, RunTarget target, bool plots, int? metricsPort, CancellationToken cancellationToken)
    {
        if (scenarioPath is null)
        {
            Console.Error.WriteLine("scenario: missing; give a scenario file, or --resume DIR to continue a run.");
            return ExitCodes.InvalidInput;
        }

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
        return await RunOnClusterAsync(target, metricsPort, outputDirectory, plots, cancellationToken,
            (runner, progress) => runner.RunAsync(scenario, outputDirectory, progress, cancellationToken), scenario.Ticks);
    }

    private static async Task<int> ResumeAsync(string? scenarioPath, string folder, RunTarget target, bool plots, int? metricsPort, CancellationToken cancellationToken)
    {
        if (scenarioPath is not null)
        {
            Console.Error.WriteLine("--resume: the run's folder names its scenario; give no scenario file with it.");
            return ExitCodes.InvalidInput;
        }

        RunManifest manifest;
        try
        {
            manifest = RunOutput.ReadManifest(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
        {
            Console.Error.WriteLine($"--resume: '{folder}' holds no readable run ({e.Message}).");
            return ExitCodes.InvalidInput;
        }

        if (manifest.Status == RunStatusKind.Completed)
        {
            Console.Error.WriteLine($"--resume: the run in '{folder}' has completed; there is nothing to resume.");
            return ExitCodes.InvalidInput;
        }

        Console.Out.WriteLine($"Resuming run {manifest.RunId} ('{manifest.Scenario}', seed {manifest.Seed}) after {manifest.CompletedTicks} of {manifest.TotalTicks} ticks.");
        Console.Out.WriteLine($"Output: {Path.GetFullPath(folder)}");
        return await RunOnClusterAsync(target, metricsPort, folder, plots, cancellationToken,
            (runner, progress) => runner.ResumeAsync(folder, progress, cancellationToken), manifest.TotalTicks);
    }

    private static async Task<int> RunOnClusterAsync(RunTarget target, int? metricsPort, string outputDirectory, bool plots, CancellationToken cancellationToken,
        Func<ScenarioRunner, IProgress<RunProgress>?, Task<RunResult>> run, int ticks)
    {
        ClusterConnection cluster;
        try
        {
            cluster = await ClusterConnection.StartAsync(target.Mode, target.Redis, t => t.MetricsPort = metricsPort ?? t.MetricsPort, cancellationToken);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Console.Error.WriteLine($"Cannot reach the cluster ({target.Describe()}): {e.Message}");
            return ExitCodes.Failure;
        }

        await using var connected = cluster;
        var runner = new ScenarioRunner(cluster.Client)
        {
            // A cluster that keeps state lets an unfinished run continue later; an embedded silo keeps nothing anyway.
            KeepStateOfUnfinishedRuns = cluster.IsPersistent,
            OnNotice = message => Console.Error.WriteLine($"Cluster: {message}"),
        };
        RunResult result;
        try
        {
            result = await RunWithProgressAsync(runner, run, ticks);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Cancelled; the ticks written so far are in metrics.csv and run.json says \"cancelled\".");
            Console.Error.WriteLine($"Continue it with: ecosystem run --resume {outputDirectory}{target.Options()}");
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
            Console.Error.WriteLine($"The completed ticks are in metrics.csv; continue with: ecosystem run --resume {outputDirectory}{target.Options()}");
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

    private static async Task<RunResult> RunWithProgressAsync(ScenarioRunner runner, Func<ScenarioRunner, IProgress<RunProgress>?, Task<RunResult>> run, int ticks)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            var lines = new Progress<RunProgress>(p => Console.Out.WriteLine(Describe(p)));
            return await run(runner, lines);
        }

        RunResult? result = null;
        await AnsiConsole.Progress()
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
          + string.Join("; ", p.Training.Select(a => string.Create(CultureInfo.InvariantCulture,
              $"{a.Vendor} g{a.Generation} epoch {a.Epoch}/{a.Epochs} step {a.Step}/{a.Steps} loss {a.Loss:F3} {a.TokensPerSecond:N0} tok/s")))
        : string.Create(CultureInfo.InvariantCulture,
            $"tick {p.CompletedTicks}/{p.TotalTicks}: {p.DocumentsPublished:N0} documents published, {p.GenerationsTrained} generation(s) trained, {p.Elapsed.TotalSeconds:F1} s");
}
