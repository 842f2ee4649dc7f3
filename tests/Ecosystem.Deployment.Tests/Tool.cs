using System.Diagnostics;

namespace Ecosystem.Deployment.Tests;

/// <summary>What a command-line tool printed and returned.</summary>
internal sealed record ToolResult(int ExitCode, string Output, string Error);

/// <summary>Runs an installed command-line tool (docker-compose, promtool) to completion.</summary>
internal static class Tool
{
    public static ToolResult Run(string name, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo(name)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{name}' is not installed ({e.Message}); run scripts/install-test-deps.sh.", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{name} {string.Join(' ', args)} did not finish within 60 s.");
            }

            return new ToolResult(process.ExitCode, output.Result, error.Result);
        }
    }
}
