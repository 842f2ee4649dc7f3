using System.Text;

namespace Ecosystem.Corpus;

/// <summary>Turns Brown's <c>word/tag</c> token stream back into readable prose.</summary>
public static class BrownTaggedText
{
    private const string OpenQuote = "``";
    private const string CloseQuote = "''";

    private static readonly HashSet<string> NoSpaceBefore = new(StringComparer.Ordinal)
    {
        ",", ".", ";", ":", "!", "?", "'", ")", "]", "}", CloseQuote,
    };

    private static readonly HashSet<string> NoSpaceAfter = new(StringComparer.Ordinal)
    {
        "(", "[", "{", OpenQuote,
    };

    /// <summary>The words of tagged text, tags removed, in order; Brown's quote tokens are kept as they are.</summary>
    public static IReadOnlyList<string> Words(string taggedText)
    {
        ArgumentNullException.ThrowIfNull(taggedText);
        var tokens = taggedText.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var words = new List<string>(tokens.Length);
        foreach (var token in tokens)
        {
            // The tag follows the last slash: words such as "1/2" or "and/or" contain slashes themselves.
            var slash = token.LastIndexOf('/');
            words.Add(slash > 0 ? token[..slash] : token);
        }

        return words;
    }

    /// <summary>Joins Brown words with single spaces, attaching punctuation and mapping <c>``</c> and <c>''</c> to <c>"</c>.</summary>
    public static string Detokenize(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var text = new StringBuilder();
        var glueNext = true;
        foreach (var word in words)
        {
            if (word.Length == 0)
            {
                continue;
            }

            if (!glueNext && !NoSpaceBefore.Contains(word))
            {
                text.Append(' ');
            }

            text.Append(word is OpenQuote or CloseQuote ? "\"" : word);
            glueNext = NoSpaceAfter.Contains(word);
        }

        return text.ToString();
    }

    /// <summary>Readable text of a tagged Brown text.</summary>
    public static string ToPlainText(string taggedText) => Detokenize(Words(taggedText));
}
