using System.Diagnostics;
using System.Text.Json;

namespace Ecosystem.Benchmarks;

/// <summary>Runs a peer script under Debian's Python (where python3-torch and python3-nltk are installed by
/// scripts/benchmark.sh) and returns the JSON object it prints.</summary>
public static class PythonPeer
{
    /// <summary>The interpreter: ECOSYSTEM_PYTHON, else Debian's system Python.</summary>
    public static string Interpreter => Environment.GetEnvironmentVariable("ECOSYSTEM_PYTHON") is { Length: > 0 } python ? python : "/usr/bin/python3";

    /// <summary>Runs <paramref name="script"/> (under benchmarks/peers) with arguments and parses its last output line.</summary>
    public static async Task<JsonElement> RunAsync(string script, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryFiles.Peers, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {Interpreter}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} exited with {process.ExitCode}: {(await errors).Trim()}");
        }

        var last = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        return JsonDocument.Parse(last).RootElement.Clone();
    }
}
