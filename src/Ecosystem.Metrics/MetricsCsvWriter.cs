using Ecosystem.Abstractions.Metrics;
using System.Text;

namespace Ecosystem.Metrics;

/// <summary>Appends <see cref="MetricRow"/>s to a metrics CSV file, writing the header once and flushing after every
/// <see cref="Append(IEnumerable{MetricRow})"/> so that rows already written survive a killed process.</summary>
/// <remarks>Each append is written as one block followed by a flush to the operating system. When an existing file
/// is resumed, a partial last line left by a killed process is cut off, and the header is checked, not rewritten.
/// Thread-safe; other processes may read the file while it is open.</remarks>
public sealed class MetricsCsvWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Lock _gate = new();
    private readonly FileStream _stream;
    private readonly StreamWriter _writer;
    private bool _disposed;

    /// <summary>Opens the file, creating its directory when missing.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="resume">False: start a new file (an existing one is overwritten). True: keep the rows of an
    /// existing metrics file and append after them.</param>
    public MetricsCsvWriter(string path, bool resume = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _stream = new FileStream(Path, resume ? FileMode.OpenOrCreate : FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            var needsHeader = !resume || PrepareResume(_stream);
            _stream.Seek(0, SeekOrigin.End);
            _writer = new StreamWriter(_stream, Utf8NoBom) { NewLine = "\n", AutoFlush = false };
            if (needsHeader)
            {
                _writer.Write(MetricsCsv.Header + "\n");
                FlushToOs();
            }
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    /// <summary>Full path of the file.</summary>
    public string Path { get; }

    /// <summary>Rows appended through this writer.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>Appends the rows and flushes them to the operating system.</summary>
    public void Append(IEnumerable<MetricRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        long count = 0;
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            MetricsCsv.AppendRow(sb, row);
            sb.Append('\n');
            count++;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (count == 0)
            {
                return;
            }

            _writer.Write(sb.ToString());
            FlushToOs();
            RowsWritten += count;
        }
    }

    /// <summary>Appends one row and flushes it.</summary>
    public void Append(MetricRow row) => Append([row]);

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _writer.Dispose();
        }
    }

    // Returns true when the file is empty and needs a header.
    private static bool PrepareResume(FileStream stream)
    {
        if (stream.Length == 0)
        {
            return true;
        }

        var header = Utf8NoBom.GetBytes(MetricsCsv.Header + "\n");
        var start = new byte[header.Length];
        stream.Seek(0, SeekOrigin.Begin);
        stream.ReadExactly(start, 0, (int)Math.Min(start.Length, stream.Length));
        if (stream.Length < header.Length || !start.AsSpan().SequenceEqual(header))
        {
            throw new InvalidDataException($"{stream.Name} exists but does not start with the metrics CSV header.");
        }

        // A process killed mid-write can leave a partial line; it was never a complete row, so drop it.
        var end = stream.Length;
        var one = new byte[1];
        while (end > header.Length)
        {
            stream.Seek(end - 1, SeekOrigin.Begin);
            stream.ReadExactly(one, 0, 1);
            if (one[0] == (byte)'\n')
            {
                break;
            }

            end--;
        }

        if (end != stream.Length)
        {
            stream.SetLength(end);
        }

        return false;
    }

    private void FlushToOs()
    {
        // StreamWriter.Flush pushes its buffer into the FileStream and the FileStream's buffer to the OS; the data then
        // survives the process being killed (not a power loss, which would need Flush(flushToDisk: true) per append).
        _writer.Flush();
    }
}
