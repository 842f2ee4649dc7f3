using System.Globalization;
using System.Text.Json;
using Ecosystem.Benchmarks.Peers;

namespace Ecosystem.Benchmarks.NGram;

/// <summary>Runs nltk.lm.KneserNeyInterpolated on the same token files through benchmarks/peers/nltk_kneser_ney.py.</summary>
public static class NltkPeer
{
    /// <summary>The peer script's file name in benchmarks/peers/.</summary>
    public const string Script = "nltk_kneser_ney.py";

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Fits, scores and samples with NLTK; <paramref name="trainFile"/> and <paramref name="heldOutFile"/> are
    /// written by <see cref="TokenFile"/>.</summary>
    public static async Task<NltkMeasurement> MeasureAsync(
        BenchmarkSettings settings,
        NGramConfiguration configuration,
        string trainFile,
        string heldOutFile,
        Action<string> onLine,
        CancellationToken cancellationToken)
    {
        string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        var result = await PythonPeer.RunAsync(
            settings.Python,
            settings.PeerScript(Script),
            [
                "--train", trainFile,
                "--heldout", heldOutFile,
                "--order", F(configuration.Order),
                "--discount", F(configuration.Discount),
                "--document-length", F(NGramConfiguration.DocumentTokens),
                "--sample-max-tokens", F(configuration.NltkSampleTokens),
                "--sample-seconds", F(configuration.NltkSampleSeconds),
                "--decompose-tokens", F(configuration.DecompositionTokens),
                "--seed", "1",
            ],
            onLine,
            cancellationToken);
        return result.Deserialize<NltkMeasurement>(Options) ?? throw new InvalidDataException($"{Script} printed no measurement.");
    }
}
