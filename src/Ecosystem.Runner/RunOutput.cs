using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Metrics;

namespace Ecosystem.Runner;

/// <summary>The files of one run, written as ticks complete so that nothing already written is lost if the process dies.</summary>
/// <remarks>Rows are appended and flushed per tick; run.json is replaced atomically and says "completed" only once
/// every tick is on disk, so a half-finished run never looks complete.</remarks>
public sealed class RunOutput : IDisposable
{
    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly JsonSerializerOptions SampleJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly MetricsCsvWriter _metrics;
    private readonly StreamWriter? _samples;
    private RunManifest _manifest;

    private RunOutput(string directory, RunManifest manifest, bool resume = false)
    {
        Directory = directory;
        _manifest = manifest;
        _metrics = new MetricsCsvWriter(Path.Combine(directory, RunFiles.Metrics), resume);
        try
        {
            _samples = new StreamWriter(Path.Combine(directory, RunFiles.Samples), append: resume);
            WriteManifest();
        }
        catch
        {
            CloseFiles();
            throw;
        }
    }

    /// <summary>The run's folder.</summary>
    public string Directory { get; }

    /// <summary>The manifest as last written.</summary>
    public RunManifest Manifest => _manifest;

    /// <summary>Creates the folder and starts a run's files; refuses a folder that already holds a run.</summary>
    /// <exception cref="IOException">The folder already holds a run.</exception>
    public static RunOutput Create(string directory, RunManifest manifest)
    {
        if (File.Exists(Path.Combine(directory, RunFiles.Manifest)))
        {
            throw new IOException($"'{directory}' already holds a run; choose another --out folder.");
        }

        System.IO.Directory.CreateDirectory(directory);
        return new RunOutput(directory, manifest);
    }

    /// <summary>Reopens the folder of an unfinished run to continue it: the rows and samples of its completed ticks are
    /// kept, anything written for a later tick (a tick cut short) is dropped, and run.json says "running" again.</summary>
    /// <exception cref="InvalidDataException">The folder holds no run, or one that completed.</exception>
    public static RunOutput Resume(string directory)
    {
        if (!File.Exists(Path.Combine(directory, RunFiles.Manifest)))
        {
            throw new InvalidDataException($"'{directory}' holds no run (no {RunFiles.Manifest}).");
        }

        var manifest = ReadManifest(directory);
        if (manifest.Status == RunStatusKind.Completed)
        {
            throw new InvalidDataException($"The run in '{directory}' has completed; there is nothing to resume.");
        }

        var completed = manifest.CompletedTicks;
        KeepLines(Path.Combine(directory, RunFiles.Metrics), keepFirst: true, line => int.Parse(line.AsSpan(0, line.IndexOf(',')), System.Globalization.CultureInfo.InvariantCulture) < completed);
        KeepLines(Path.Combine(directory, RunFiles.Samples), keepFirst: false, line => JsonDocument.Parse(line).RootElement.GetProperty("tick").GetInt32() < completed);
        return new RunOutput(directory, manifest with { Status = RunStatusKind.Running, Error = null, FinishedAt = null }, resume: true);
    }

    /// <summary>Appends a completed tick's rows and samples, then records the tick in run.json.</summary>
    public void AppendTick(TickReport report)
    {
        _metrics.Append(report.Metrics);
        foreach (var sample in report.Samples)
        {
            _samples!.WriteLine(JsonSerializer.Serialize(SampleLine.From(sample), SampleJson));
        }

        _samples!.Flush();
        _manifest = _manifest with { CompletedTicks = report.Tick + 1 };
        WriteManifest();
    }

    /// <summary>Marks the run finished with <paramref name="status"/>, listing its files.</summary>
    /// <remarks>The files are closed first. When that fails (a full disk, say), a run about to be recorded as completed
    /// is recorded as failed with the reason, and the error is thrown: a run whose rows are not all on disk never says
    /// "completed". When run.json itself cannot be written it keeps its last state, which is "running".</remarks>
    /// <exception cref="IOException">A file could not be written.</exception>
    public void Finish(RunStatusKind status, string? error, IReadOnlyList<string> files)
    {
        var closing = CloseFiles();
        var rowsLost = closing is not null && status == RunStatusKind.Completed;
        if (rowsLost)
        {
            status = RunStatusKind.Failed;
            error = $"the run's files could not be written in full: {closing!.Message}";
        }

        _manifest = _manifest with { Status = status, Error = error, FinishedAt = DateTimeOffset.UtcNow, Files = files };
        WriteManifest();
        if (rowsLost)
        {
            throw new IOException(error, closing);
        }
    }

    /// <summary>The manifest of an existing run folder.</summary>
    public static RunManifest ReadManifest(string directory) =>
        JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(Path.Combine(directory, RunFiles.Manifest)), ManifestJson)
        ?? throw new InvalidDataException($"'{directory}' has an empty run.json.");

    /// <summary>Records the files now in a finished run's folder (plots written after the run) in its run.json.</summary>
    public static void RecordFiles(string directory)
    {
        var manifest = ReadManifest(directory) with { Files = ScenarioRunner.FilesOf(directory) };
        WriteManifest(directory, manifest);
    }

    /// <inheritdoc />
    /// <remarks>Never throws: a run that ends here without <see cref="Finish"/> is already failing, and its own error is
    /// the one to report.</remarks>
    public void Dispose() => CloseFiles();

    /// <summary>Closes metrics.csv and samples.jsonl, flushing them; returns the first error instead of throwing, so
    /// that every file gets closed.</summary>
    private IOException? CloseFiles()
    {
        IOException? first = null;
        try
        {
            _metrics.Dispose();
        }
        catch (IOException e)
        {
            first = e;
        }

        try
        {
            _samples?.Dispose();
        }
        catch (IOException e)
        {
            first ??= e;
        }

        return first;
    }

    private void WriteManifest() => WriteManifest(Directory, _manifest);

    /// <summary>Rewrites <paramref name="path"/> (atomically) with its complete lines that pass <paramref name="keep"/>;
    /// a last line without its newline was cut short by a killed process and is dropped.</summary>
    private static void KeepLines(string path, bool keepFirst, Func<string, bool> keep)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var text = File.ReadAllText(path);
        var lines = text.Split('\n');
        var kept = new System.Text.StringBuilder();
        for (var i = 0; i < lines.Length - 1; i++)
        {
            if ((keepFirst && i == 0) || keep(lines[i]))
            {
                kept.Append(lines[i]).Append('\n');
            }
        }

        if (kept.Length == text.Length)
        {
            return;
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, kept.ToString());
        File.Move(temporary, path, overwrite: true);
    }

    private static void WriteManifest(string directory, RunManifest manifest)
    {
        var path = Path.Combine(directory, RunFiles.Manifest);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(manifest, ManifestJson));
        File.Move(temporary, path, overwrite: true);
    }

    private sealed record SampleLine(
        int Replicate, string Id, int Tick, string Kind, string Author, string Vendor, int? Generation,
        string Genre, bool GenreInferred, string? SourceDocumentId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WatermarkKey, string? Text, double[]? Values)
    {
        public static SampleLine From(SampledDocument d) => new(
            d.Replicate, d.DocumentId, d.Tick, d.Provenance.Kind.ToString().ToLowerInvariant(), d.Provenance.AuthorId,
            d.Provenance.Vendor, d.Provenance.IsSynthetic ? d.Provenance.Generation : null, d.Provenance.Genre,
            d.Provenance.GenreInferred, d.Provenance.SourceDocumentId.Length > 0 ? d.Provenance.SourceDocumentId : null,
            d.Provenance.IsWatermarked ? d.Provenance.WatermarkKey : null, d.Text.Length > 0 ? d.Text : null, d.Values.Length > 0 ? d.Values : null);
    }
}
