namespace Ecosystem.Scenarios;

/// <summary>Where real human text comes from.</summary>
public enum TextSource
{
    /// <summary>The Brown corpus, fetched into the local cache on first use.</summary>
    Brown,

    /// <summary>A folder of .txt files; the genre is the sub-folder's name.</summary>
    Folder,

    /// <summary>A JSONL file of {"text": ..., "genre": ...} lines.</summary>
    Jsonl,
}
