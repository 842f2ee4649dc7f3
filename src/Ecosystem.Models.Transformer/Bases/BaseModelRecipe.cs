using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ecosystem.Abstractions.Models;

namespace Ecosystem.Models.Transformer.Bases;

/// <summary>Everything that determines a pretrained base: the architecture and optimisation it is trained with, the
/// exact token documents (by fingerprint), the source vocabulary and the seed. Its <see cref="Key"/> names the base in
/// the cache, so a change to any of them builds a new base instead of reusing a stale one.</summary>
/// <param name="Settings">Architecture and pretraining optimisation; <see cref="TransformerSettings.Epochs"/> and
/// <see cref="TransformerSettings.LearningRate"/> are the base's own. The device and the fine-tuning fields do not
/// change the base and are left out of the key.</param>
/// <param name="SourceVocabularySize">Ids of the source tokenizer.</param>
/// <param name="Corpus">What the documents are, for people (source, split, document length).</param>
/// <param name="CorpusFingerprint">SHA-256 of the documents' tokens, in order (see <see cref="Fingerprint"/>).</param>
/// <param name="Documents">Number of training documents.</param>
/// <param name="Tokens">Tokens in them.</param>
/// <param name="Seed">Seed of the initial weights, the order of blocks and dropout.</param>
public sealed record BaseModelRecipe(
    TransformerSettings Settings,
    int SourceVocabularySize,
    string Corpus,
    string CorpusFingerprint,
    int Documents,
    long Tokens,
    long Seed)
{
    /// <summary>Version of the base format and of the training code's meaning; bump it when either changes so that
    /// old bases are rebuilt rather than reused.</summary>
    public const int FormatVersion = 3;

    /// <summary>The cache key: a hex SHA-256 of the determining fields.</summary>
    public string Key
    {
        get
        {
            var s = Settings;
            var determining = new
            {
                FormatVersion,
                s.Layers,
                s.Heads,
                s.Width,
                s.Context,
                s.Dropout,
                s.AttentionDropout,
                s.Epochs,
                s.BatchSize,
                s.LearningRate,
                s.WarmupFraction,
                s.WeightDecay,
                s.GradientClip,
                s.CompactVocabulary,
                s.VocabularyLimit,
                SourceVocabularySize,
                CorpusFingerprint,
                Seed,
            };
            return Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(determining))).ToLowerInvariant();
        }
    }

    /// <summary>SHA-256 of token documents: each document's length, then its ids, little-endian.</summary>
    public static string Fingerprint(IEnumerable<int[]> documents)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[4];
        foreach (var document in documents)
        {
            BitConverter.TryWriteBytes(number, document.Length);
            hash.AppendData(number);
            foreach (var token in document)
            {
                BitConverter.TryWriteBytes(number, token);
                hash.AppendData(number);
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>A short readable summary for listings.</summary>
    public string Describe() => new StringBuilder()
        .Append($"{Settings.Layers} layers, width {Settings.Width}, context {Settings.Context}, ")
        .Append(Settings.VocabularyLimit is { } limit ? $"vocabulary limit {limit}, " : "")
        .Append($"{Settings.Epochs} epoch(s) over {Tokens:N0} tokens of {Corpus}, seed {Seed}")
        .ToString();
}
