using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Serilog;

namespace Ecosystem.Cli;

/// <summary>Where the runtime's own log goes, so that a user sees the run and not the runtime's notes: everything from
/// Information up into a file (the run's <c>runtime.log</c>), and on the console only the simulator's own warnings and
/// anyone's errors, unless <paramref name="Verbose"/> asks for all of it there too.</summary>
/// <param name="FilePath">The log file, appended to; null writes none.</param>
/// <param name="Verbose">Print the whole log on the console as well.</param>
public sealed record RuntimeLog(string? FilePath, bool Verbose)
{
    /// <summary>No file, and on the console only what concerns the run.</summary>
    public static RuntimeLog Quiet { get; } = new(null, false);

    /// <summary>Sets up <paramref name="logging"/>.</summary>
    public void Configure(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(FilePath is null && !Verbose ? LogLevel.Warning : LogLevel.Information);
        logging.AddSimpleConsole(o => o.SingleLine = true);
        if (!Verbose)
        {
            // Orleans' start-up notes (garbage collector, watchdog) are the runtime's; the simulator's warnings (a base
            // rebuilt, a device fallen back to the CPU) concern the run.
            logging.AddFilter<ConsoleLoggerProvider>((category, level) =>
                level >= (category is not null && category.StartsWith("Ecosystem.", StringComparison.Ordinal) ? LogLevel.Warning : LogLevel.Error));
        }

        if (FilePath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(FilePath))!);
            var file = new LoggerConfiguration()
                .MinimumLevel.Information()
                // Orleans' placement retries report every successful attempt: thousands of lines a run, none of them news.
                .MinimumLevel.Override("Polly", Serilog.Events.LogEventLevel.Warning)
                .WriteTo.File(FilePath, outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} {Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}")
                .CreateLogger();
            logging.AddSerilog(file, dispose: true);
        }
    }
}
