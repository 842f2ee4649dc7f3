using System.CommandLine;
using System.Globalization;
using Ecosystem.Experiments.Summaries;
using Ecosystem.Experiments.Sweeps;
using Ecosystem.Runner;
using Ecosystem.Scenarios;
using Spectre.Console;

namespace Ecosystem.Cli;

/// <summary><c>ecosystem sweep SWEEP</c>: runs a grid of policy values × seeds on an embedded silo (or a running cluster) and writes the
/// per-run summaries, the aggregates with confidence intervals, and an HTML report.</summary>
public static class SweepCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var sweep = new Argument<string>("sweep") { Description = "Path of the sweep JSON file (schema: sweeps/sweep.schema.json)." };
        var output = new Option<string?>("--out") { Description = "Output folder (default: runs/sweep-<name>). Running again into the same folder reuses the runs already completed." };
        var parallel = new Option<int?>("--parallel") { Description = "Runs executed at once (default: the sweep's parallelRuns, else one per processor core)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate the sweep and every point's scenario, list the runs, and run nothing." };
        var cluster = new ClusterTargetOptions();
        var command = new Command("sweep", "Run a sweep: every combination of the parameters' values, once per seed, in parallel on an embedded silo, " +
                                            "or on a running cluster with --cluster redis. " +
                                            "Writes runs/<point>_seed<s>/ (the usual run files), summary.csv, aggregate.csv (means with confidence intervals across seeds) and report.html.")
        {
            sweep, output, parallel, dryRun, cluster.Cluster, cluster.Redis, cluster.Verbose,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            parse.GetValue(sweep)!, parse.GetValue(output), parse.GetValue(parallel), parse.GetValue(dryRun), cluster.TargetOf(parse), cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(string sweepPath, string? outputDirectory, int? parallel, bool dryRun, RunTarget target, CancellationToken cancellationToken)
    {
        SweepPlan plan;
        try
        {
            plan = SweepLoader.LoadFile(sweepPath);
        }
        catch (ScenarioValidationException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.InvalidInput;
        }

        if (parallel is < 1 or > 256)
        {
            Console.Error.WriteLine($"--parallel: found {parallel}; must be 1..256.");
            return ExitCodes.InvalidInput;
        }

        Console.Out.WriteLine($"Sweep '{plan.Spec.Name}': {plan.Points.Count} point(s) × {plan.Spec.Seeds.Count} seed(s) = {plan.Runs.Count} run(s).");
        if (dryRun)
        {
            foreach (var run in plan.Runs)
            {
                Console.Out.WriteLine($"  {run.FolderName}: {run.Point.Label}, seed {run.Seed}");
            }

            return ExitCodes.Success;
        }

        outputDirectory ??= Path.Combine("runs", $"sweep-{plan.Spec.Name}");
        Console.Out.WriteLine($"Output: {Path.GetFullPath(outputDirectory)}");
        var (cluster, exitCode) = await target.ConnectAsync(Console.Error, telemetry: null, Path.Combine(outputDirectory, RunFiles.RuntimeLog), cancellationToken);
        if (cluster is null)
        {
            return exitCode;
        }

        await using var connected = cluster;
        var runner = new SweepRunner(cluster.Client);
        SweepResult result;
        try
        {
            var progress = new Progress<SweepProgress>(p => Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {p.Finished}/{p.Total} done{(p.Reused > 0 ? $" ({p.Reused} reused)" : "")}: {p.LastRun}, {p.Elapsed.TotalSeconds:F0} s")));
            result = await runner.RunAsync(plan, outputDirectory, parallel, progress, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Cancelled; completed runs are kept and a new sweep into the same folder reuses them.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
        {
            Console.Error.WriteLine($"Input error: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Sweep failed: {e.Message}");
            return ExitCodes.Failure;
        }

        AnsiConsole.Write(AggregateTable(result));
        Console.Out.WriteLine($"Report: {Path.Combine(outputDirectory, SweepFiles.Report)}");
        return ExitCodes.Success;
    }

    private static Table AggregateTable(SweepResult result)
    {
        var shown = new[] { "final_synthetic_share", "perplexity_rise", "diversity_loss", "tail_perplexity_rise", "head_perplexity_rise" };
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("point");
        table.AddColumn("vendor");
        foreach (var metric in shown)
        {
            table.AddColumn(new TableColumn(metric.Replace('_', ' ')).RightAligned());
        }

        foreach (var group in result.Aggregates.GroupBy(a => (a.Point.Index, a.Vendor)))
        {
            var first = group.First();
            table.AddRow([
                Markup.Escape(first.Point.Label), Markup.Escape(first.Vendor),
                .. shown.Select(m => group.First(a => a.Metric == m).Interval).Select(Format),
            ]);
        }

        return table;
    }

    private static string Format(ConfidenceInterval ci) => !double.IsFinite(ci.Mean)
        ? "–"
        : double.IsFinite(ci.Low)
            ? string.Create(CultureInfo.InvariantCulture, $"{ci.Mean:G3} ± {ci.High - ci.Mean:G2}")
            : ci.Mean.ToString("G3", CultureInfo.InvariantCulture);
}
