using System.Text;

namespace Ecosystem.Corpus;

/// <summary>Reads a corpus file as UTF-8 text, refusing binary content and invalid UTF-8 instead of passing replacement
/// characters on to the tokenizer (a damaged file would otherwise become a corpus of noise without any error).</summary>
public static class CorpusFileText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text.</summary>
    /// <param name="path">The file.</param>
    /// <param name="damagedHint">Added to the error, e.g. how to repair a cache.</param>
    /// <exception cref="CorpusFormatException">The file is not UTF-8 text.</exception>
    public static string Read(string path, string? damagedHint = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, StrictUtf8);
        }
        catch (DecoderFallbackException)
        {
            throw new CorpusFormatException(path, null, "is not UTF-8 text (it holds bytes no UTF-8 text has)." + Hint(damagedHint));
        }

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var line = text.AsSpan(0, nul).Count('\n') + 1;
            throw new CorpusFormatException(path, line, "holds a NUL character: binary content, not text." + Hint(damagedHint));
        }

        return text;
    }

    internal static string Hint(string? hint) => hint is null ? "" : " " + hint;
}
