using Ecosystem.Abstractions.Models;
using System.Globalization;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Benchmarks.Peers;
using Ecosystem.Benchmarks.Results;
using Ecosystem.Models;
using Ecosystem.Models.Transformer;
using TorchSharp;

namespace Ecosystem.Benchmarks.Transformer;

/// <summary>TorchSharp decoder against the same decoder in PyTorch: training, scoring and generation tokens per second
/// with the same architecture, batch, sequence length and thread count.</summary>
public sealed class TransformerSuite : IBenchmarkSuite
{
    private const int Vocabulary = 8000;
    private const int Threads = 2;

    /// <inheritdoc />
    public string Name => "transformer";

    /// <inheritdoc />
    public string Description => "the TorchSharp decoder vs the same decoder in PyTorch";

    /// <inheritdoc />
    public async Task<SuiteOutcome> RunAsync(BenchmarkSettings benchmark, BenchmarkLog log, CancellationToken cancellationToken)
    {
        var quick = benchmark.Quick;
        var settings = new TransformerSettings { Layers = 2, Heads = 4, Width = 128, Context = 64, BatchSize = 32, Epochs = 1, Dropout = 0.1, Device = DeviceKind.Cpu };
        var steps = quick ? 4 : 20;
        var prompts = quick ? 8 : 64;
        var scored = quick ? 64 : 256;
        var caseName = string.Create(CultureInfo.InvariantCulture, $"{settings.Layers} layers, width {settings.Width}, context {settings.Context}, batch {settings.BatchSize}, vocabulary {Vocabulary}");

        log.Step(Name, "TorchSharp");
        torch.set_num_threads(Threads);
        var random = new Random(1);
        var documents = Enumerable.Range(0, steps * settings.BatchSize)
            .Select(_ => DocumentContent.FromTokens(Enumerable.Range(0, settings.Context).Select(_ => random.Next(2, Vocabulary)).ToArray()))
            .ToList();
        var family = new TransformerFamily(settings, Vocabulary);
        using var model = (TransformerModel)family.Fit(documents, new Random(2), cancellationToken);
        var training = model.Training.TokensPerSecond;

        var clock = System.Diagnostics.Stopwatch.StartNew();
        model.ScoreMany(documents.Take(scored).ToList(), cancellationToken);
        var scoring = scored * settings.Context / clock.Elapsed.TotalSeconds;

        clock.Restart();
        model.Sample(prompts, new SamplingOptions(settings.Context) { Prompts = documents.Take(prompts).ToList() }, new Random(3), cancellationToken);
        var generation = prompts * settings.Context / clock.Elapsed.TotalSeconds;

        log.Step(Name, "PyTorch");
        var peer = await PythonPeer.RunAsync(
            benchmark.Python,
            benchmark.PeerScript("transformer_torch.py"),
            [
                "--vocabulary", Text(Vocabulary), "--layers", Text(settings.Layers), "--heads", Text(settings.Heads), "--width", Text(settings.Width),
                "--context", Text(settings.Context), "--batch", Text(settings.BatchSize), "--steps", Text(steps), "--prompts", Text(prompts),
                "--length", Text(settings.Context), "--score-documents", Text(scored), "--threads", Text(Threads),
            ],
            line => log.Step(Name, "pytorch: " + line),
            cancellationToken);

        var torchSharpVersion = typeof(torch).Assembly.GetName().Version?.ToString() ?? "";
        var pyTorchVersion = peer.GetProperty("torch").GetString() ?? "";
        var results = new List<BenchmarkResult>();
        void Pair(string metric, double ours, string peerKey)
        {
            var theirs = peer.GetProperty(peerKey).GetDouble();
            results.Add(new BenchmarkResult(Name, caseName, "TorchSharp " + torchSharpVersion, metric, ours, "tokens/s"));
            results.Add(new BenchmarkResult(Name, caseName, "PyTorch " + pyTorchVersion, metric, theirs, "tokens/s"));
            results.Add(new BenchmarkResult(Name, caseName, "ratio", metric, ours / theirs, "TorchSharp / PyTorch"));
        }

        Pair("training", training, "training_tokens_per_second");
        Pair("scoring", scoring, "scoring_tokens_per_second");
        Pair("generation (sampling, sliding cache)", generation, "generation_tokens_per_second");
        results.Add(new BenchmarkResult(Name, caseName, "TorchSharp " + torchSharpVersion, "parameters", model.ParameterCount, "count"));

        // Vocabulary compaction: the same training with all 50,257 GPT-2 rows in the embedding and the output layer.
        log.Step(Name, "TorchSharp with the full GPT-2 vocabulary");
        const int gpt2 = 50_257;
        var full = new TransformerFamily(settings with { CompactVocabulary = false }, gpt2);
        using (var fullModel = (TransformerModel)full.Fit(documents, new Random(2), cancellationToken))
        {
            var vocabularyCase = string.Create(CultureInfo.InvariantCulture, $"vocabulary compaction ({Vocabulary:N0} ids present of {gpt2:N0})");
            results.Add(new BenchmarkResult(Name, vocabularyCase, "compact", "parameters", model.ParameterCount, "count"));
            results.Add(new BenchmarkResult(Name, vocabularyCase, "full", "parameters", fullModel.ParameterCount, "count"));
            results.Add(new BenchmarkResult(Name, vocabularyCase, "compact", "training", training, "tokens/s"));
            results.Add(new BenchmarkResult(Name, vocabularyCase, "full", "training", fullModel.Training.TokensPerSecond, "tokens/s"));
            results.Add(new BenchmarkResult(Name, vocabularyCase, "ratio", "training speed-up", training / fullModel.Training.TokensPerSecond, "compact / full"));
        }

        return new SuiteOutcome(results, new Dictionary<string, string> { ["torchsharp"] = torchSharpVersion, ["torch"] = pyTorchVersion });
    }

    /// <inheritdoc />
    public SuiteReport Report(IReadOnlyList<BenchmarkResult> results) => new(
        "Transformer: TorchSharp vs PyTorch",
        "The simulator's TorchSharp decoder (`src/Ecosystem.Models.Transformer`) and the same decoder in PyTorch " +
        "(`benchmarks/peers/transformer_torch.py`), in one run, on the CPU with the same thread count. Throughputs are tokens per second; " +
        "a ratio above 1 means TorchSharp is faster.",
        SideBySideTables.From(results),
        [
            "Same decoder in both (2 pre-norm blocks, rotary attention, tied output layer, AdamW, gradient clipping, dropout 0.1), " +
            "same random token blocks, batch, sequence length and thread count. Training includes the optimiser step; generation samples 64 tokens " +
            "after a 64-token prompt with a sliding key/value cache. PyTorch is Debian's python3-torch (no scaled_dot_product_attention in 1.13, " +
            "so its attention is written out); TorchSharp uses libtorch's fused attention.",
        ]);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
