using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Ecosystem.Benchmarks;

/// <summary>Progress lines on the console, each prefixed with the time since the command started.</summary>
public sealed class BenchmarkLog
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Writes one progress line.</summary>
    public void Step(string suite, string message) =>
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey]{_clock.Elapsed:mm\\:ss}[/] [blue]{Markup.Escape(suite)}[/] {Markup.Escape(message)}"));
}
