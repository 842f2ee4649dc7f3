namespace Ecosystem.Corpus;

/// <summary>Kind of source that human text is read from.</summary>
public enum CorpusSourceKind
{
    /// <summary>The Brown corpus, fetched into the cache on first use.</summary>
    Brown,

    /// <summary>A folder of .txt files (<see cref="FolderCorpusReader"/>).</summary>
    Folder,

    /// <summary>A JSONL file (<see cref="JsonlCorpusReader"/>).</summary>
    Jsonl,
}
