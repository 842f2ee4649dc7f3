using System.CommandLine;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Ecosystem.Cli.Tests;

/// <summary>What one invocation of the command line gave back.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Whether the output shows a stack trace or the runtime's report of an unhandled exception: a crash,
    /// whatever the exit code.</summary>
    public bool ShowsCrash => StackFrame().IsMatch(Output + Error) ||
                              (Output + Error).Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase);

    private static Regex StackFrame() => new(@"^\s+at \S+.*\)", RegexOptions.Multiline);
}

/// <summary>Runs the <c>ecosystem</c> command line: in process through its root command (the real command logic,
/// output captured), or as its own process.</summary>
public static class CliInvocation
{
    /// <summary>Invokes the root command in this process, capturing what it writes.</summary>
    public static async Task<CliResult> InProcessAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>ecosystem</c> (the build beside the tests) as a process and waits for it.</summary>
    public static Task<CliResult> ProcessAsync(TimeSpan timeout, params string[] args) => ProcessAsync(timeout, new Dictionary<string, string>(), args);

    /// <summary>Runs <c>ecosystem</c> as a process with <paramref name="environment"/> added to this one's, and waits for it.</summary>
    public static async Task<CliResult> ProcessAsync(TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        // The SDK sets DOTNET_HOST_PATH for the processes it starts, test hosts included.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ecosystem.dll"));
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ecosystem {string.Join(' ', args)} did not finish within {timeout.TotalSeconds} s.");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }
}
