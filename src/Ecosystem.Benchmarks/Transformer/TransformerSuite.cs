using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Models;
using Ecosystem.Benchmarks.Peers;
using Ecosystem.Benchmarks.Results;
using Ecosystem.Models;
using Ecosystem.Models.Transformer;
using TorchSharp;
using static Ecosystem.Benchmarks.Transformer.TransformerMetrics;

namespace Ecosystem.Benchmarks.Transformer;

/// <summary>TorchSharp decoder against the same decoder in PyTorch: training, scoring and generation tokens per second
/// with the same architecture, batch, sequence length and thread count, anchored to the measured rate of the model's
/// own matrix products on each side (model FLOPs utilization).</summary>
public sealed class TransformerSuite : IBenchmarkSuite
{
    private const int Threads = 2;
    private const int WarmupSteps = 20;
    private const int GptVocabulary = 50_257;

    /// <inheritdoc />
    public string Name => "transformer";

    /// <inheritdoc />
    public string Description => "the TorchSharp decoder vs the same decoder in PyTorch, with GEMM-rate anchors";

    /// <inheritdoc />
    public async Task<SuiteOutcome> RunAsync(BenchmarkSettings benchmark, BenchmarkLog log, CancellationToken cancellationToken)
    {
        var shape = TransformerShape.Benchmark;
        var quick = benchmark.Quick;
        var steps = quick ? WarmupSteps + 4 : WarmupSteps + 80;
        var scored = quick ? 64 : 512;
        var prompts = 64;
        var length = shape.Context;
        var gemmTime = TimeSpan.FromSeconds(quick ? 0.05 : 0.3);
        var (profileWarmup, profileSteps) = quick ? (1, 2) : (2, 6);
        var load = OtherCpuLoad.Start();

        log.Step(Name, $"TorchSharp: {shape}, {steps} training steps");
        var threadsSeen = TorchThread.Run(() =>
        {
            torch.set_num_threads(Threads);
            return torch.get_num_threads();
        });
        var random = new Random(1);
        var documents = Enumerable.Range(0, steps * shape.Batch)
            .Select(_ => DocumentContent.FromTokens(Enumerable.Range(0, shape.Context).Select(_ => random.Next(2, shape.Vocabulary)).ToArray()))
            .ToList();
        var windows = new TrainingWindows(shape.TokensPerStep);
        var family = new TransformerFamily(shape.Settings(), shape.Vocabulary, windows);
        using var model = (TransformerModel)family.Fit(documents, new Random(2), cancellationToken);
        var trainingCoresBusy = windows.SteadyCoresBusy;
        log.Step(Name, "TorchSharp: training windows " + string.Join(", ", windows.Windows.Select(w => (w.Tokens / w.Seconds).ToString("N0", CultureInfo.InvariantCulture))) + " tokens/s");
        var training = Utilization.SteadyTokensPerSecond(windows.Windows);
        var vocabulary = model.Vocabulary.Size;

        log.Step(Name, "TorchSharp: scoring and generation");
        var scoredDocuments = documents.Take(scored).ToList();
        model.ScoreMany(scoredDocuments.Take(64).ToList(), cancellationToken);
        var clock = Stopwatch.StartNew();
        model.ScoreMany(scoredDocuments, cancellationToken);
        var scoring = scored * shape.Context / clock.Elapsed.TotalSeconds;

        var promptDocuments = documents.Take(prompts).ToList();
        model.Sample(prompts, new SamplingOptions(4) { Prompts = promptDocuments }, new Random(3), cancellationToken);
        clock.Restart();
        model.Sample(prompts, new SamplingOptions(length) { Prompts = promptDocuments }, new Random(3), cancellationToken);
        var generation = prompts * length / clock.Elapsed.TotalSeconds;

        var (blasName, blasDetail, blasThreads) = LibTorchBlas.Describe();
        var workloads = new Dictionary<string, IReadOnlyList<GemmWork>>
        {
            [Training] = ModelGemms.Training(shape, vocabulary),
            [Scoring] = ModelGemms.Scoring(shape, vocabulary, 64),
            ["generation"] = ModelGemms.Generation(shape, vocabulary, prompts, shape.Context, length),
        };
        // The peer's decoder takes the output layer over the whole batch's logits, so its anchor is measured at those shapes.
        var peerWorkloads = new Dictionary<string, IReadOnlyList<GemmWork>>
        {
            [Training] = ModelGemms.Training(shape, vocabulary, chunked: false),
            [Scoring] = ModelGemms.Scoring(shape, vocabulary, 64, chunked: false),
            ["generation"] = workloads["generation"],
        };
        var shapes = workloads.Values.Concat(peerWorkloads.Values).SelectMany(w => w).Select(w => w.Shape).Append(Square).Distinct().ToList();
        log.Step(Name, $"TorchSharp: {shapes.Count} GEMM shapes through torch.mm ({blasName}, {threadsSeen} threads)");
        var ours = TorchThread.Run(() => shapes.ToDictionary(s => s, s => GemmProbe.Measure(s, gemmTime, cancellationToken)));

        // The full vocabulary keeps a row for every GPT-2 id (and the reserved symbols), as without compaction.
        var fullVocabulary = TokenVocabulary.Full(GptVocabulary).Size;
        log.Step(Name, $"TorchSharp: phases of a training step, vocabulary {vocabulary:N0} and {fullVocabulary:N0}");
        var compactProfile = TorchThread.Run(() => TrainingStepProfile.Measure(shape, vocabulary, profileWarmup, profileSteps, cancellationToken));
        var fullProfile = TorchThread.Run(() => TrainingStepProfile.Measure(shape, fullVocabulary, profileWarmup, profileSteps, cancellationToken));
        // Only the embedding, and the output layer tied to it, grows with the vocabulary.
        var fullParameters = model.ParameterCount + (long)(fullVocabulary - vocabulary) * shape.Width;

        var torchSharpVersion = typeof(torch).Assembly.GetName().Version?.ToString(3) ?? "";
        var oursLabel = $"{TorchSharpLabel} {torchSharpVersion}, {blasName}";
        var results = new List<BenchmarkResult>();
        void Add(string @case, string implementation, string metric, double value, string unit) =>
            results.Add(new BenchmarkResult(Name, @case, implementation, metric, value, unit));

        var throughputCase = shape.ToString();
        Add(throughputCase, oursLabel, Training, training, "tokens/s");
        Add(throughputCase, oursLabel, TrainingWithWarmup, model.Training.TokensPerSecond, "tokens/s");
        Add(throughputCase, oursLabel, Scoring, scoring, "tokens/s");
        Add(throughputCase, oursLabel, Generation, generation, "tokens/s");
        Add(throughputCase, oursLabel, TrainingSteps, steps, "steps");
        Add(throughputCase, oursLabel, Parameters, model.ParameterCount, "count");

        // The peer: first which BLAS it runs on and how fast its products are, then (unless refused) the model.
        var environment = new Dictionary<string, string> { ["OPENBLAS_NUM_THREADS"] = Text(Threads) };
        string[] shapeArguments = ["--gemm", string.Join(',', shapes.Where(s => s != Square).Select(s => s.PeerKey)), "--gemm-seconds", gemmTime.TotalSeconds.ToString(CultureInfo.InvariantCulture)];
        string[] modelArguments =
        [
            "--vocabulary", Text(shape.Vocabulary), "--layers", Text(shape.Layers), "--heads", Text(shape.Heads), "--width", Text(shape.Width),
            "--context", Text(shape.Context), "--batch", Text(shape.Batch), "--steps", Text(steps), "--warmup-steps", Text(WarmupSteps),
            "--prompts", Text(prompts), "--length", Text(length), "--score-documents", Text(scored), "--threads", Text(Threads),
        ];
        log.Step(Name, "PyTorch: which BLAS, and its GEMM rates");
        var probe = await Peer(benchmark, log, [.. modelArguments, "--probe", .. shapeArguments], environment, cancellationToken);
        var peerBlas = PeerBlas.From(probe.GetProperty("blas"));
        string? detectedKernels = null;
        if (peerBlas.Kind == "OpenBLAS" && Environment.GetEnvironmentVariable(OpenBlasKernels.Variable) is null
            && OpenBlasKernels.Replacement(peerBlas.Core, OpenBlasKernels.CpuFlags()) is { } kernels)
        {
            log.Step(Name, $"PyTorch: OpenBLAS chose its {peerBlas.Core} kernels on a CPU that runs {kernels}'s (an older OpenBLAS does not know this CPU model); forcing {OpenBlasKernels.Variable}={kernels}");
            detectedKernels = peerBlas.Core;
            environment[OpenBlasKernels.Variable] = kernels;
            probe = await Peer(benchmark, log, [.. modelArguments, "--probe", .. shapeArguments], environment, cancellationToken);
            peerBlas = PeerBlas.From(probe.GetProperty("blas"));
        }

        var pyTorchVersion = probe.GetProperty("torch").GetString() ?? "";
        JsonElement? workload = null;
        if (peerBlas.IsReference)
        {
            log.Step(Name, $"REFUSED: PyTorch runs its matrix products on the reference BLAS ({peerBlas.Library}); timing the model on it would measure " +
                           "the library, not the framework. Install an optimised BLAS (scripts/benchmark.sh installs libopenblas0-pthread). " +
                           "Only its GEMM rates are recorded, no comparison.");
        }
        else
        {
            log.Step(Name, $"PyTorch on {peerBlas.Name} ({peerBlas.Threads} threads): training, scoring, generation");
            workload = await Peer(benchmark, log, modelArguments, environment, cancellationToken);
            var seen = PeerBlas.From(workload.Value.GetProperty("blas"));
            if (seen.Kind != peerBlas.Kind)
            {
                throw new InvalidOperationException($"The PyTorch peer ran on {peerBlas.Name} for its GEMM rates but on {seen.Name} for the model.");
            }
        }

        var peerLabel = peerBlas.IsReference ? $"{PyTorchLabel} {pyTorchVersion}, reference BLAS (refused)" : $"{PyTorchLabel} {pyTorchVersion}, {peerBlas.Name}";
        var theirs = ReadRates(probe, shapes);
        if (workload is { } peer)
        {
            void Pair(string metric, double value, string key)
            {
                var their = peer.GetProperty(key).GetDouble();
                Add(throughputCase, peerLabel, metric, their, "tokens/s");
                Add(throughputCase, Ratio, metric, value / their, "TorchSharp / PyTorch");
            }

            Pair(Training, training, "training_tokens_per_second");
            Add(throughputCase, peerLabel, TrainingWithWarmup, peer.GetProperty("training_tokens_per_second_with_warmup").GetDouble(), "tokens/s");
            Pair(Scoring, scoring, "scoring_tokens_per_second");
            Pair(Generation, generation, "generation_tokens_per_second");
            Add(throughputCase, peerLabel, TrainingSteps, steps, "steps");
        }

        foreach (var (workloadName, work) in workloads)
        {
            foreach (var item in work)
            {
                Add(GemmCase, oursLabel, Gemm(workloadName, item), ours[item.Shape].FlopsPerSecond / 1e9, "GFLOP/s");
                if (theirs.TryGetValue(item.Shape, out var rate))
                {
                    Add(GemmCase, peerLabel, Gemm(workloadName, item), rate.FlopsPerSecond / 1e9, "GFLOP/s");
                }
            }

            foreach (var item in peerWorkloads[workloadName].Where(p => !work.Any(w => w.Shape == p.Shape)))
            {
                Add(GemmCase, peerLabel, Gemm(workloadName, item), theirs[item.Shape].FlopsPerSecond / 1e9, "GFLOP/s");
            }
        }

        Add(GemmCase, oursLabel, SquareGemm, ours[Square].FlopsPerSecond / 1e9, "GFLOP/s");
        Add(GemmCase, peerLabel, SquareGemm, theirs[Square].FlopsPerSecond / 1e9, "GFLOP/s");
        var weighted = new Dictionary<(string Workload, bool Ours), double>();
        foreach (var (workloadName, work) in workloads)
        {
            weighted[(workloadName, true)] = Utilization.WeightedRate(work, s => ours[s].FlopsPerSecond);
            weighted[(workloadName, false)] = Utilization.WeightedRate(peerWorkloads[workloadName], s => theirs[s].FlopsPerSecond);
            Add(GemmCase, oursLabel, Weighted(workloadName), weighted[(workloadName, true)] / 1e9, "GFLOP/s");
            Add(GemmCase, peerLabel, Weighted(workloadName), weighted[(workloadName, false)] / 1e9, "GFLOP/s");
        }

        var flops = new Dictionary<string, (double Ours, double Theirs)>
        {
            [Training] = (ModelFlops.TrainingPerToken(shape, vocabulary), ModelFlops.TrainingPerToken(shape, shape.Vocabulary)),
            [Scoring] = (ModelFlops.ScoringPerToken(shape, vocabulary), ModelFlops.ScoringPerToken(shape, shape.Vocabulary)),
            ["generation"] = (ModelFlops.GenerationPerToken(shape, vocabulary, shape.Context, length), ModelFlops.GenerationPerToken(shape, shape.Vocabulary, shape.Context, length)),
        };
        var oursRates = new Dictionary<string, double> { [Training] = training, [Scoring] = scoring, ["generation"] = generation };
        var peerKeys = new Dictionary<string, string> { [Training] = "training_tokens_per_second", [Scoring] = "scoring_tokens_per_second", ["generation"] = "generation_tokens_per_second" };
        foreach (var (workloadName, (ourFlops, theirFlops)) in flops)
        {
            Add(UtilizationCase, oursLabel, FlopsPerToken(workloadName), ourFlops / 1e6, "MFLOP");
            Add(UtilizationCase, oursLabel, ModelRate(workloadName), oursRates[workloadName] * ourFlops / 1e9, "GFLOP/s");
            Add(UtilizationCase, oursLabel, Mfu(workloadName), 100 * Utilization.ModelFlopsUtilization(oursRates[workloadName], ourFlops, weighted[(workloadName, true)]), "% of own GEMM rate");
            if (workload is { } peerRun)
            {
                var tokens = peerRun.GetProperty(peerKeys[workloadName]).GetDouble();
                Add(UtilizationCase, peerLabel, FlopsPerToken(workloadName), theirFlops / 1e6, "MFLOP");
                Add(UtilizationCase, peerLabel, ModelRate(workloadName), tokens * theirFlops / 1e9, "GFLOP/s");
                Add(UtilizationCase, peerLabel, Mfu(workloadName), 100 * Utilization.ModelFlopsUtilization(tokens, theirFlops, weighted[(workloadName, false)]), "% of own GEMM rate");
            }
        }

        var compactLabel = $"vocabulary {vocabulary:N0} (compact)";
        var fullLabel = $"vocabulary {fullVocabulary:N0} (full GPT-2)";
        foreach (var (label, profile) in new[] { (compactLabel, compactProfile), (fullLabel, fullProfile) })
        {
            Add(ProfileCase, label, StepForward, profile.Forward * 1e3, "ms");
            Add(ProfileCase, label, StepBackward, profile.Backward * 1e3, "ms");
            Add(ProfileCase, label, StepClip, profile.Clip * 1e3, "ms");
            Add(ProfileCase, label, StepOptimizer, profile.Optimizer * 1e3, "ms");
            Add(ProfileCase, label, StepTotal, profile.Step * 1e3, "ms");
            Add(ProfileCase, label, StepOutputLayer, profile.OutputLayer * 1e3, "ms");
            Add(ProfileCase, label, StepPlainOutputLayer, profile.PlainOutputLayer * 1e3, "ms");
            Add(ProfileCase, label, StepAttention, profile.Attention * 1e3, "ms");
            Add(ProfileCase, label, StepTokensPerSecond, shape.TokensPerStep / profile.Step, "tokens/s");
        }

        var trainingWork = workloads[Training];
        Add(ProfileCase, compactLabel, StepGemmFloor, trainingWork.Sum(w => w.Flops) / weighted[(Training, true)] * 1e3, "ms");
        Add(ProfileCase, compactLabel, Parameters, model.ParameterCount, "count");
        Add(ProfileCase, fullLabel, Parameters, fullParameters, "count");
        Add(ProfileCase, Ratio, StepTokensPerSecond, fullProfile.Step / compactProfile.Step, "compact / full speed-up");

        Add(ConfigurationCase, oursLabel, ThreadsSet, Threads, "threads");
        Add(ConfigurationCase, oursLabel, ThreadsSeen, threadsSeen, "threads");
        Add(ConfigurationCase, oursLabel, BlasThreads, blasThreads, "threads");
        Add(ConfigurationCase, oursLabel, GemmCoresBusy, ours[Square].CoresBusy, "cores");
        Add(ConfigurationCase, oursLabel, TrainingCoresBusy, trainingCoresBusy, "cores");
        Add(ConfigurationCase, peerLabel, ThreadsSet, Threads, "threads");
        Add(ConfigurationCase, peerLabel, ThreadsSeen, probe.GetProperty("threads").GetInt32(), "threads");
        Add(ConfigurationCase, peerLabel, BlasThreads, peerBlas.Threads, "threads");
        Add(ConfigurationCase, peerLabel, GemmCoresBusy, theirs[Square].CoresBusy, "cores");
        if (workload is { } measured)
        {
            Add(ConfigurationCase, peerLabel, TrainingCoresBusy, measured.GetProperty("training_cores_busy").GetDouble(), "cores");
        }

        if (peerBlas.IsReference)
        {
            Add(ConfigurationCase, peerLabel, Refused, 1, "yes");
        }

        if (detectedKernels is not null)
        {
            Add(ConfigurationCase, peerLabel, $"{KernelsForced} {detectedKernels}", 1, "yes");
        }

        var otherLoad = load.Cores();
        Add(ConfigurationCase, oursLabel, OtherLoad, otherLoad, "cores");
        if (otherLoad > 0.1)
        {
            log.Step(Name, string.Create(CultureInfo.InvariantCulture, $"WARNING: other processes kept {otherLoad:F2} cores busy during the suite; its figures are lower than on an idle machine."));
        }

        var peers = new Dictionary<string, string>
        {
            ["torchsharp"] = torchSharpVersion,
            ["torchsharp blas"] = blasDetail,
            ["torch"] = pyTorchVersion,
            ["torch blas"] = peerBlas.IsReference ? $"reference BLAS ({peerBlas.Library})" : $"{peerBlas.Config} ({peerBlas.Library})".Trim(),
        };
        if (environment.TryGetValue(OpenBlasKernels.Variable, out var forced))
        {
            peers["torch blas"] += $", {OpenBlasKernels.Variable}={forced}";
        }

        return new SuiteOutcome(results, peers);
    }

    /// <inheritdoc />
    public SuiteReport Report(IReadOnlyList<BenchmarkResult> results) => TransformerReport.Build(results);

    private static GemmShape Square { get; } = new(1024, 1024, 1024, GemmLayout.NN);

    private static Task<JsonElement> Peer(BenchmarkSettings benchmark, BenchmarkLog log, string[] arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken) =>
        PythonPeer.RunAsync(benchmark.Python, benchmark.PeerScript("transformer_torch.py"), arguments, line => log.Step("transformer", "pytorch: " + line), cancellationToken, environment);

    private static Dictionary<GemmShape, GemmRate> ReadRates(JsonElement probe, IReadOnlyList<GemmShape> shapes)
    {
        var rates = new Dictionary<GemmShape, GemmRate>();
        foreach (var item in probe.GetProperty("gemm").EnumerateArray().Append(probe.GetProperty("square")))
        {
            var layout = Enum.Parse<GemmLayout>(item.GetProperty("layout").GetString() ?? "nn", ignoreCase: true);
            var shape = new GemmShape(item.GetProperty("rows").GetInt64(), item.GetProperty("inner").GetInt64(), item.GetProperty("columns").GetInt64(), layout);
            rates[shape] = new GemmRate(shape, item.GetProperty("gflops").GetDouble() * 1e9, item.GetProperty("cores_busy").GetDouble());
        }

        var missing = shapes.FirstOrDefault(s => !rates.ContainsKey(s));
        return missing is null ? rates : throw new InvalidDataException($"The PyTorch peer did not time the product {missing}.");
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
