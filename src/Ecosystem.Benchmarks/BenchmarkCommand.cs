using System.CommandLine;
using Ecosystem.Benchmarks.Results;
using Spectre.Console;

namespace Ecosystem.Benchmarks;

/// <summary><c>ecosystem-bench [--suite NAME] [--out DIR] [--quick]</c>: runs benchmark suites, prints their tables and
/// writes results.json and RESULTS.md.</summary>
public static class BenchmarkCommand
{
    /// <summary>Exit code when a suite failed (its peer could not run, a run threw).</summary>
    public const int Failure = 1;

    /// <summary>Builds the root command.</summary>
    public static RootCommand Build()
    {
        var suite = new Option<string>("--suite")
        {
            Description = "Which suite to run: " + string.Join(", ", BenchmarkSuites.All.Select(s => $"{s.Name} ({s.Description})")) + ", or all.",
            DefaultValueFactory = _ => BenchmarkSuites.AllName,
        };
        suite.AcceptOnlyFromAmong([.. BenchmarkSuites.All.Select(s => s.Name), BenchmarkSuites.AllName]);
        var output = new Option<string?>("--out")
        {
            Description = "Folder for results.json and RESULTS.md (default: benchmarks/ of the repository; benchmarks/quick/ with --quick, " +
                          "so a smoke run never overwrites the recorded results). Figures of suites not run are kept.",
        };
        var quick = new Option<bool>("--quick") { Description = "Run a small smoke configuration (seconds to a minute) instead of the full one (about 43 minutes on 2 cores for all suites, 11 of them in the nature suite and 17 in the web-scale suite)." };
        var python = new Option<string>("--python")
        {
            Description = "Python interpreter for the peer implementations (default: $ECOSYSTEM_PYTHON, else Debian's /usr/bin/python3); " +
                          "it needs the peers' Debian packages (python3-nltk, python3-torch).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ECOSYSTEM_PYTHON") is { Length: > 0 } python ? python : "/usr/bin/python3",
        };
        var render = new Option<bool>("--render")
        {
            Description = "Run nothing: write RESULTS.md again from the figures in results.json (after editing or merging results.json).",
        };
        var command = new RootCommand("ecosystem-bench: the simulation engine's throughput and memory, the n-gram model against NLTK and the " +
                                      "TorchSharp transformer against PyTorch, side by side in one run. Prints tables and writes results.json and RESULTS.md.")
        {
            suite, output, quick, python, render,
        };
        command.SetAction((parse, cancellationToken) => parse.GetValue(render)
            ? Task.FromResult(Render(parse.GetValue(output), parse.GetValue(quick)))
            : ExecuteAsync(
            parse.GetValue(suite)!, parse.GetValue(output), parse.GetValue(quick), parse.GetValue(python)!, cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(string suiteName, string? outputDirectory, bool quick, string python, CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected)
        {
            // Logs and pipes have no width of their own; Spectre's default of 80 columns would wrap every table.
            AnsiConsole.Profile.Width = 160;
        }

        var root = RepositoryRoot.Find();
        var settings = new BenchmarkSettings(quick, root, python);
        outputDirectory ??= quick ? Path.Combine(root, "benchmarks", "quick") : Path.Combine(root, "benchmarks");
        var resultsPath = Path.Combine(outputDirectory, ResultsFile.Name);
        var markdownPath = Path.Combine(outputDirectory, ResultsMarkdown.Name);
        var document = ResultsFile.Read(resultsPath);
        var log = new BenchmarkLog();

        foreach (var suite in BenchmarkSuites.Select(suiteName))
        {
            log.Step(suite.Name, $"{suite.Description} ({settings.Configuration} configuration)");
            SuiteOutcome outcome;
            try
            {
                outcome = await suite.RunAsync(settings, log, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                AnsiConsole.MarkupLine("[yellow]Cancelled.[/]");
                return 130;
            }
            catch (Exception e)
            {
                AnsiConsole.MarkupLine($"[red]Suite {Markup.Escape(suite.Name)} failed:[/] {Markup.Escape(e.Message)}");
                return Failure;
            }

            var run = new SuiteRun(suite.Name, DateTimeOffset.UtcNow, settings.Configuration, MachineFacts.Current(), outcome.Peers);
            document = document.With(run, outcome.Results);
            ResultsFile.Write(resultsPath, document);
            File.WriteAllText(markdownPath, ResultsMarkdown.Render(document, ReportOf));

            var report = suite.Report(outcome.Results);
            AnsiConsole.WriteLine();
            foreach (var table in report.Tables)
            {
                AnsiConsole.Write(table.ToSpectreTable());
            }
        }

        AnsiConsole.MarkupLine($"Results: [green]{Markup.Escape(resultsPath)}[/]; tables with explanations: [green]{Markup.Escape(markdownPath)}[/]");
        return 0;
    }

    private static int Render(string? outputDirectory, bool quick)
    {
        var root = RepositoryRoot.Find();
        outputDirectory ??= quick ? Path.Combine(root, "benchmarks", "quick") : Path.Combine(root, "benchmarks");
        var markdownPath = Path.Combine(outputDirectory, ResultsMarkdown.Name);
        File.WriteAllText(markdownPath, ResultsMarkdown.Render(ResultsFile.Read(Path.Combine(outputDirectory, ResultsFile.Name)), ReportOf));
        AnsiConsole.MarkupLine($"Tables with explanations: [green]{Markup.Escape(markdownPath)}[/]");
        return 0;
    }

    private static SuiteReport? ReportOf(string suite, IReadOnlyList<BenchmarkResult> results) => BenchmarkSuites.Find(suite)?.Report(results);
}
