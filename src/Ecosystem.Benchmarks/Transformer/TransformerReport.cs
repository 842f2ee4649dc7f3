using System.Globalization;
using Ecosystem.Benchmarks.Results;
using Ecosystem.Models.Transformer;
using static Ecosystem.Benchmarks.Transformer.TransformerMetrics;

namespace Ecosystem.Benchmarks.Transformer;

/// <summary>Tables and explanations of the transformer suite's figures: throughputs side by side, each side's GEMM
/// rate at the model's shapes, model FLOPs utilization, where a training step goes, and the targets met or missed.</summary>
public static class TransformerReport
{
    /// <summary>Share of the measured GEMM rate that training should reach.</summary>
    public const double TrainingMfuTarget = 0.5;

    /// <summary>Speed TorchSharp should reach against PyTorch on an optimised BLAS, in every workload.</summary>
    public const double SpeedTarget = 1.1;

    private const string Title = "Transformer: TorchSharp vs PyTorch";

    /// <summary>The report of <paramref name="results"/>.</summary>
    public static SuiteReport Build(IReadOnlyList<BenchmarkResult> results)
    {
        var index = new ResultIndex(results);
        var implementations = results.Select(r => r.Implementation).Distinct().ToList();
        var ours = implementations.FirstOrDefault(i => i.StartsWith(TorchSharpLabel, StringComparison.Ordinal));
        var theirs = implementations.FirstOrDefault(i => i.StartsWith(PyTorchLabel, StringComparison.Ordinal));
        var throughput = index.Cases.FirstOrDefault(c => index.Find(c, ours ?? "", Training) is not null && c != ProfileCase);
        if (ours is null || throughput is null)
        {
            return new SuiteReport(Title, "No figures.", SideBySideTables.From(results), []);
        }

        const string introduction = """
            The simulator's TorchSharp decoder (`src/Ecosystem.Models.Transformer`) and the same decoder in PyTorch
            (`benchmarks/peers/transformer_torch.py`, Debian's python3-torch), in one run on the CPU with the same thread
            count, each anchored to the measured rate of its own BLAS at the model's own matrix shapes. Throughputs are
            tokens per second; a ratio above 1 means TorchSharp is faster. The column headers name each side's BLAS.
            """;

        var notes = new List<string> { Setup(index, throughput, ours, theirs) };
        if (theirs is not null && index.Find(ConfigurationCase, theirs, Refused) is not null)
        {
            notes.Add($"**Peer refused.** {theirs} runs its matrix products on the reference BLAS (Netlib's, unblocked and single-threaded), so its " +
                      "throughputs would measure that library rather than PyTorch: the model was not timed on it and nothing is compared. Only its GEMM " +
                      "rates are recorded. `scripts/benchmark.sh` installs `libopenblas0-pthread`, which takes over `libblas.so.3`.");
        }

        var forced = results.FirstOrDefault(r => r.Case == ConfigurationCase && r.Metric.StartsWith(KernelsForced, StringComparison.Ordinal));
        if (forced is not null)
        {
            notes.Add($"**OpenBLAS kernels.** Debian's OpenBLAS chose its {forced.Metric[KernelsForced.Length..].Trim()} (SSE) kernels here: its release " +
                      "does not know this CPU model and falls back to the most generic ones, several times slower than the vector kernels the CPU " +
                      $"can run. The suite sets `{OpenBlasKernels.Variable}` to the kernels matching the CPU's vector extensions (named in the column " +
                      "header) for the peer's whole run, so that PyTorch is compared on the BLAS a careful user would get.");
        }

        notes.Add(Anchors(index, ours, theirs));
        notes.Add(Targets(index, throughput, ours, theirs));
        if (Profile(results, index) is { } profile)
        {
            notes.Add(profile);
        }

        var load = index.Find(ConfigurationCase, ours, OtherLoad);
        if (load is > 0.1)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"**Other load.** Other processes kept {load:F2} cores busy on average during the run, so every figure above is lower than on an idle machine."));
        }

        return new SuiteReport(Title, introduction, SideBySideTables.From(results), notes);
    }

    private static string Setup(ResultIndex index, string throughput, string ours, string? theirs)
    {
        var steps = index.Get(throughput, ours, TrainingSteps);
        return string.Create(CultureInfo.InvariantCulture, $"""
            **Setup.** Same decoder in both ({throughput}; pre-norm blocks, rotary attention, output layer tied to the
            embedding, AdamW with weight decay on matrices only, gradient-norm clipping, dropout 0.1 on embeddings and
            residual branches and none on attention weights, as OPT-125m), same random token
            blocks, batch, sequence length and thread count: `set_num_threads({index.Get(ConfigurationCase, ours, ThreadsSet)})` on both
            sides and `OPENBLAS_NUM_THREADS` for the peer; the configuration table shows the threads each framework and BLAS
            report and the cores they kept busy. Training runs {steps:N0} optimiser steps as a vendor trains (TorchSharp through
            `TransformerFamily.Fit`), and its throughput is the steady state after the first 20 (the warm-up row counts them
            too). Scoring ({(theirs is null ? "" : "both in eval mode under no_grad, ")}batches of 64 windows) and generation (64 prompts of a full
            window, then 64 sampled tokens each, one token at a time against a sliding key/value cache, next-token logits
            only) follow one untimed pass at the same shapes. PyTorch 1.13 has no scaled_dot_product_attention, so the peer's
            attention is written out; TorchSharp calls libtorch's fused attention.
            """);
    }

    private static string Anchors(ResultIndex index, string ours, string? theirs)
    {
        var training = index.Get(UtilizationCase, ours, FlopsPerToken(Training));
        var scoring = index.Get(UtilizationCase, ours, FlopsPerToken(Scoring));
        var generation = index.Get(UtilizationCase, ours, FlopsPerToken("generation"));
        return string.Create(CultureInfo.InvariantCulture, $"""
            **Anchors and MFU.** Each side's GEMM rate is measured in the same run and process as its model (TorchSharp through
            `torch.mm` of the libtorch it loads, the peer through its own `torch.mm`), at the model's own products and
            layouts: every weight's forward product X·Wᵀ, input gradient dY·W and weight gradient dYᵀ·X over batch × context
            rows for training; forward products over 64 windows for scoring; the prompt pass, the one-token steps and the
            next-token logits for generation. TorchSharp's output layer is measured as its model takes it in training and
            scoring, {ChunkedOutputLoss.ChunkRows} rows at a time; the peer's over all rows at once, as its model takes it. A workload's rate is the FLOP-weighted harmonic mean of its products' rates
            (their FLOPs over the time they take back to back). Model FLOPs per token count 2 per weight of a matrix product
            (per block 12·width², plus vocabulary·width for the tied output layer) and attention's score and value products,
            4·layers·width·keys with keys = context (not halved for the causal mask; a generated token attends to its cache
            window); training is 3× the forward pass; biases, norms, softmax and the embedding look-up are not counted. That
            gives {training / 1e0:F2} MFLOP per training token, {scoring:F2} per scored token and {generation:F2} per generated token
            (TorchSharp's vocabulary). MFU = tokens/s × FLOPs per token / the workload's GEMM rate: the share of what this
            BLAS does on these very products that the whole model achieves.{(theirs is null ? "" : " The peer's MFU uses its own GEMM rates.")}
            """);
    }

    private static string Targets(ResultIndex index, string throughput, string ours, string? theirs)
    {
        var mfu = index.Get(UtilizationCase, ours, Mfu(Training)) / 100;
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"training MFU at least {Figures.Percent(TrainingMfuTarget)} of the measured GEMM rate: {Figures.Percent(mfu)}, {(mfu >= TrainingMfuTarget ? "met" : "missed")}"),
        };
        foreach (var metric in new[] { Training, Scoring, Generation })
        {
            var ratio = index.Find(throughput, Ratio, metric);
            lines.Add(ratio is { } value
                ? string.Create(CultureInfo.InvariantCulture, $"{metric}: TorchSharp at least {SpeedTarget:F1}× PyTorch on an optimised BLAS: {Figures.Times(value)}, {(value >= SpeedTarget ? "met" : "missed")}")
                : $"{metric}: TorchSharp at least {SpeedTarget:F1}× PyTorch on an optimised BLAS: not compared{(theirs is null ? "" : " (peer refused)")}");
        }

        return "**Targets.**\n\n" + string.Join("\n", lines.Select(l => "- " + l));
    }

    private static string? Profile(IReadOnlyList<BenchmarkResult> results, ResultIndex index)
    {
        var label = results.FirstOrDefault(r => r.Case == ProfileCase && r.Implementation.EndsWith("(compact)", StringComparison.Ordinal))?.Implementation;
        if (label is null)
        {
            return null;
        }

        double Ms(string metric) => index.Get(ProfileCase, label, metric);
        var step = Ms(StepTotal);
        string Share(double ms) => string.Create(CultureInfo.InvariantCulture, $"{ms:F0} ms ({Figures.Percent(ms / step)})");
        return string.Create(CultureInfo.InvariantCulture, $"""
            **Where a TorchSharp training step goes**, {label}: {step:F0} ms per step, of which forward and loss {Share(Ms(StepForward))},
            backward {Share(Ms(StepBackward))}, clipping {Share(Ms(StepClip))} and the AdamW step {Share(Ms(StepOptimizer))}. Timed alone at the
            same shapes, the tied output layer with its cross-entropy, computed in chunks of {ChunkedOutputLoss.ChunkRows} rows as the model does, takes {Share(Ms(StepOutputLayer))}
            (over the whole batch's logits at once, as libtorch's cross-entropy takes them, {Ms(StepPlainOutputLayer):F0} ms) and the attention of all layers
            {Share(Ms(StepAttention))}; the step's matrix products at the measured GEMM rates would take {Share(Ms(StepGemmFloor))}. Whatever the
            step spends beyond that floor goes to element-wise work (norms, GELU, dropout, softmax, the optimiser's
            per-parameter updates) and framework overhead, which no BLAS speeds up.
            """);
    }
}
