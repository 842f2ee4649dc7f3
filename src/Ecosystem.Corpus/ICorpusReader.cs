namespace Ecosystem.Corpus;

/// <summary>Reads the source texts of one corpus.</summary>
public interface ICorpusReader
{
    /// <summary>Short description of where the texts come from, used in messages.</summary>
    string Origin { get; }

    /// <summary>All source texts, ordered by id (ordinal).</summary>
    IReadOnlyList<SourceText> Read(IProgress<string>? progress = null, CancellationToken cancellationToken = default);
}
