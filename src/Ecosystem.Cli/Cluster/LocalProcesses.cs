using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Ecosystem.Cli.Cluster;

/// <summary>Starts the local cluster's processes detached from this one (they outlive it, their output goes to a log
/// file) and stops them: SIGTERM first, SIGKILL only after a grace period.</summary>
/// <remarks>A process is only ever signalled after checking that the id still belongs to the program that was started
/// under it, so a recycled process id is never hit.</remarks>
public static class LocalProcesses
{
    private const int SigTerm = 15;
    private const int SigKill = 9;

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/> and <paramref name="environment"/>,
    /// appending its output to <paramref name="log"/>; returns its process id.</summary>
    public static int StartDetached(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string log, string workingDirectory)
    {
        // The shell only sets up the redirection and then becomes the program (exec), so the id is the program's. The
        // program gets a session of its own (setsid, where there is one), so a Ctrl+C or a closed terminal that ends the
        // command that started it does not end it too.
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = workingDirectory };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("if command -v setsid >/dev/null 2>&1; then set -- setsid nohup \"$0\" \"$@\"; else set -- nohup \"$0\" \"$@\"; fi; " +
                              "exec \"$@\" >>\"$LOCAL_CLUSTER_LOG\" 2>&1 </dev/null");
        info.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["LOCAL_CLUSTER_LOG"] = log;
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        return process.Id;
    }

    /// <summary>True when process <paramref name="pid"/> is alive and runs a program whose command line contains
    /// <paramref name="program"/>.</summary>
    public static bool IsRunning(int? pid, string program)
    {
        if (pid is not { } id)
        {
            return false;
        }

        try
        {
            // Linux: /proc tells the command line and whether the process is a zombie awaiting its parent.
            var procFolder = $"/proc/{id}";
            if (Directory.Exists("/proc/self"))
            {
                var stat = File.ReadAllText($"{procFolder}/stat");
                var state = stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault();
                return state is not ('Z' or 'X') && CommandLineOf(procFolder).Contains(program, StringComparison.Ordinal);
            }

            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The command line in /proc; it reads as empty while the process is between two programs (a launcher
    /// such as nohup replacing itself with the program), so an empty one is read again for a moment.</summary>
    private static string CommandLineOf(string procFolder)
    {
        for (var attempt = 0; ; attempt++)
        {
            var commandLine = File.ReadAllText($"{procFolder}/cmdline");
            if (commandLine.Length > 0 || attempt == 20)
            {
                return commandLine;
            }

            Thread.Sleep(10);
        }
    }

    /// <summary>Stops process <paramref name="pid"/> if it still runs <paramref name="program"/>: SIGTERM, then SIGKILL
    /// after <paramref name="grace"/>. Returns how it ended.</summary>
    public static async Task<string> StopAsync(int? pid, string program, TimeSpan grace)
    {
        if (!IsRunning(pid, program))
        {
            return "not running";
        }

        Signal(pid!.Value, SigTerm);
        var deadline = DateTime.UtcNow + grace;
        while (DateTime.UtcNow < deadline)
        {
            if (!IsRunning(pid, program))
            {
                return "stopped";
            }

            await Task.Delay(100);
        }

        Signal(pid.Value, SigKill);
        for (var i = 0; i < 50 && IsRunning(pid, program); i++)
        {
            await Task.Delay(100);
        }

        return $"killed after {grace.TotalSeconds:F0} s";
    }

    /// <summary>A TCP port free on the loopback interface now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The full path of <paramref name="program"/> found on PATH, or null.</summary>
    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    /// <summary>The last lines of a log file, for error messages.</summary>
    public static string Tail(string log, int lines = 15)
    {
        try
        {
            using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    private static void Signal(int pid, int signal)
    {
        const int NoSuchProcess = 3;
        if (Kill(pid, signal) != 0 && Marshal.GetLastPInvokeError() != NoSuchProcess)
        {
            throw new InvalidOperationException($"Could not signal process {pid}: error {Marshal.GetLastPInvokeError()}.");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
