using Microsoft.ML.Tokenizers;

namespace Ecosystem.Corpus;

/// <summary>GPT-2 byte-level BPE: turns text into token ids and back, losslessly.</summary>
/// <remarks>Creating the underlying tokenizer loads a 50k-entry vocabulary, so callers share <see cref="Shared"/>.
/// Encoding and decoding are thread-safe.</remarks>
public sealed class TextTokenizer
{
    /// <summary>Number of GPT-2 token ids: 50,000 merges, 256 bytes and the end-of-text token.</summary>
    public const int Gpt2VocabularySize = 50257;

    /// <summary>The GPT-2 end-of-text token id.</summary>
    public const int EndOfTextToken = 50256;

    private static readonly Lazy<TextTokenizer> SharedInstance = new(() => new TextTokenizer(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly TiktokenTokenizer _tokenizer;

    /// <summary>Creates a separate GPT-2 tokenizer; prefer <see cref="Shared"/>.</summary>
    public TextTokenizer()
    {
        _tokenizer = TiktokenTokenizer.CreateForModel("gpt2");
    }

    /// <summary>The process-wide instance, created on first use.</summary>
    public static TextTokenizer Shared => SharedInstance.Value;

    /// <summary>Tokenizer name, recorded with results.</summary>
    public string Name => "gpt2";

    /// <summary>Number of distinct token ids; every id is in [0, VocabularySize).</summary>
    public int VocabularySize => Gpt2VocabularySize;

    /// <summary>The token ids of <paramref name="text"/>.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. _tokenizer.EncodeToIds(text)];
    }

    /// <summary>The text of <paramref name="tokens"/>; <c>Decode(Encode(s)) == s</c> for every string.</summary>
    public string Decode(IReadOnlyList<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            if ((uint)tokens[i] >= Gpt2VocabularySize)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(tokens), tokens[i], $"Token {i} is {tokens[i]}, outside the vocabulary [0, {Gpt2VocabularySize}).");
            }
        }

        return _tokenizer.Decode(tokens) ?? string.Empty;
    }
}
