using Ecosystem.Abstractions.Metrics;
namespace Ecosystem.Metrics.Tests;

public sealed class MetricsCsvWriterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"metrics-writer-{Guid.NewGuid():N}");

    private string FilePath => Path.Combine(_directory, "sub", "metrics.csv");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static MetricRow Row(int tick, double value) => new(tick, 0, "v", "1", MetricNames.TailMass, "", value);

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    [Fact]
    public void WritesHeaderOnceAndFlushesEachAppend()
    {
        using var writer = new MetricsCsvWriter(FilePath);
        writer.Append([Row(0, 0.25), Row(0, double.NaN)]);

        // Still open: the rows must already be in the file, as they would be if the process were killed now.
        Assert.Equal(MetricsCsv.Header + "\n0,0,v,1,tail_mass,,0.25\n0,0,v,1,tail_mass,,NaN\n", ReadShared(FilePath));
        writer.Append(Row(1, 0.5));
        writer.Append([]);
        Assert.Equal(3, writer.RowsWritten);
        Assert.Equal([Row(0, 0.25), Row(0, double.NaN), Row(1, 0.5)], MetricsCsv.Read(FilePath));
    }

    [Fact]
    public void ResumeKeepsRowsAndHeader()
    {
        using (var writer = new MetricsCsvWriter(FilePath))
        {
            writer.Append([Row(0, 1)]);
        }

        using (var writer = new MetricsCsvWriter(FilePath, resume: true))
        {
            writer.Append([Row(1, 2)]);
        }

        Assert.Equal([Row(0, 1), Row(1, 2)], MetricsCsv.Read(FilePath));

        using (var writer = new MetricsCsvWriter(FilePath))
        {
            writer.Append([Row(5, 5)]);
        }

        Assert.Equal([Row(5, 5)], MetricsCsv.Read(FilePath));
    }

    [Fact]
    public void ResumeOnMissingFileWritesHeader()
    {
        using (var writer = new MetricsCsvWriter(FilePath, resume: true))
        {
            writer.Append([Row(1, 2)]);
        }

        Assert.Equal([Row(1, 2)], MetricsCsv.Read(FilePath));
    }

    [Fact]
    public void ResumeDropsPartialLastLine()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.WriteAllText(FilePath, MetricsCsv.Header + "\n0,0,v,1,tail_mass,,1\n1,0,v,1,tai");
        using (var writer = new MetricsCsvWriter(FilePath, resume: true))
        {
            writer.Append([Row(1, 2)]);
        }

        Assert.Equal([Row(0, 1), Row(1, 2)], MetricsCsv.Read(FilePath));
    }

    [Fact]
    public void ResumeRejectsForeignFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.WriteAllText(FilePath, "a,b,c\n1,2,3\n");
        Assert.Throws<InvalidDataException>(() => new MetricsCsvWriter(FilePath, resume: true));
        Assert.Equal("a,b,c\n1,2,3\n", File.ReadAllText(FilePath));
    }

    [Fact]
    public void AppendAfterDisposeThrows()
    {
        var writer = new MetricsCsvWriter(FilePath);
        writer.Dispose();
        writer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => writer.Append([Row(0, 0)]));
    }
}
