namespace Ecosystem.Corpus;

/// <summary>A corpus file or folder exists but its content cannot be used; names the path and, for line formats, the line.</summary>
public sealed class CorpusFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> (and <paramref name="lineNumber"/>, 1-based, when known).</summary>
    public CorpusFormatException(string path, int? lineNumber, string problem)
        : base(lineNumber is { } line ? $"Corpus '{path}', line {line}: {problem}" : $"Corpus '{path}': {problem}")
    {
        CorpusPath = path;
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>The offending file or folder.</summary>
    public string CorpusPath { get; }

    /// <summary>The offending line (1-based), if the problem is on one line.</summary>
    public int? LineNumber { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
