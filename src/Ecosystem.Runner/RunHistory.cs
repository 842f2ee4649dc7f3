using System.Globalization;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Metrics;

namespace Ecosystem.Runner;

/// <summary>The rows a resumed run already wrote, by tick: when the cluster kept less of the run than its files hold
/// (its state was lost), the missing ticks are computed again and must give exactly these rows.</summary>
public sealed class RunHistory
{
    private readonly Dictionary<int, List<string>> _lines = [];

    private RunHistory(string directory) => Directory = directory;

    /// <summary>The run's folder.</summary>
    public string Directory { get; }

    /// <summary>Reads the rows of metrics.csv in <paramref name="directory"/>.</summary>
    public static RunHistory Read(string directory)
    {
        var history = new RunHistory(directory);
        var path = Path.Combine(directory, RunFiles.Metrics);
        if (!File.Exists(path))
        {
            return history;
        }

        // The file may be open for appending already (the run being resumed), hence the write sharing.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var tick = int.Parse(line.AsSpan(0, line.IndexOf(',')), CultureInfo.InvariantCulture);
            if (!history._lines.TryGetValue(tick, out var lines))
            {
                lines = [];
                history._lines[tick] = lines;
            }

            lines.Add(line);
        }

        return history;
    }

    /// <summary>Checks a recomputed tick against the rows written for it, line by line.</summary>
    /// <exception cref="InvalidDataException">They differ.</exception>
    public void Check(TickReport report)
    {
        var written = _lines.GetValueOrDefault(report.Tick) ?? [];
        var computed = report.Metrics.Select(MetricsCsv.FormatRow).ToList();
        for (var i = 0; i < Math.Max(written.Count, computed.Count); i++)
        {
            if (i >= written.Count || i >= computed.Count || written[i] != computed[i])
            {
                throw new InvalidDataException(
                    $"tick {report.Tick} computed again differs from the rows in {Path.Combine(Directory, RunFiles.Metrics)} at its row {i + 1} " +
                    $"(written: '{(i < written.Count ? written[i] : "none")}', computed: '{(i < computed.Count ? computed[i] : "none")}'); " +
                    "was the run written by another version of the simulator?");
            }
        }
    }
}
