using System.Diagnostics;
using System.Text.Json;

namespace Ecosystem.Benchmarks.Peers;

/// <summary>Runs a Python peer script (a reference implementation in another language) as a child process: its standard
/// error is passed on line by line as progress, and the last line of its standard output is its JSON result.</summary>
public static class PythonPeer
{
    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/> and returns the JSON object it printed
    /// last; throws when the interpreter is missing or the script fails, with the end of its error output.
    /// <paramref name="environment"/> adds or replaces variables of the child's environment.</summary>
    public static async Task<JsonElement> RunAsync(
        string python,
        string script,
        IReadOnlyList<string> arguments,
        Action<string> onLine,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(python))
        {
            throw new FileNotFoundException($"Python interpreter '{python}' not found; scripts/benchmark.sh installs what the peers need.");
        }

        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"Peer script '{script}' not found.");
        }

        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var errors = new Queue<string>();
        using var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            lock (errors)
            {
                errors.Enqueue(line);
                if (errors.Count > 20)
                {
                    errors.Dequeue();
                }
            }

            onLine(line);
        };
        process.Start();
        process.BeginErrorReadLine();
        string output;
        try
        {
            output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            lock (errors)
            {
                throw new InvalidOperationException($"{Path.GetFileName(script)} exited with code {process.ExitCode}:\n{string.Join("\n", errors)}");
            }
        }

        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
                   ?? throw new InvalidDataException($"{Path.GetFileName(script)} printed no result.");
        using var json = JsonDocument.Parse(last);
        return json.RootElement.Clone();
    }
}
