namespace Ecosystem.Benchmarks.Transformer;

/// <summary>Case, implementation and metric names of the transformer suite's figures, shared by the suite and its report.</summary>
public static class TransformerMetrics
{
    /// <summary>Implementation labels start with these; the rest names versions and the BLAS.</summary>
    public const string TorchSharpLabel = "TorchSharp";

    /// <summary>Prefix of the PyTorch peer's label.</summary>
    public const string PyTorchLabel = "PyTorch";

    /// <summary>Column of speed ratios.</summary>
    public const string Ratio = "ratio";

    /// <summary>Case of the matrix-product rates.</summary>
    public const string GemmCase = "GEMM rate at the model's own shapes (GFLOP/s, median of repeated products)";

    /// <summary>Case of the model FLOPs utilization.</summary>
    public const string UtilizationCase = "model FLOPs utilization (MFU)";

    /// <summary>Case of the training step's phases.</summary>
    public const string ProfileCase = "where a TorchSharp training step goes (ms per step, stopwatch)";

    /// <summary>Case of how both sides were set up.</summary>
    public const string ConfigurationCase = "configuration";

    /// <summary>Steady-state training throughput.</summary>
    public const string Training = "training";

    /// <summary>Training throughput over every step, the first ones included.</summary>
    public const string TrainingWithWarmup = "training, warm-up steps included";

    /// <summary>Scoring throughput.</summary>
    public const string Scoring = "scoring";

    /// <summary>Generation throughput.</summary>
    public const string Generation = "generation (sampling, sliding cache)";

    /// <summary>Optimiser steps timed in training.</summary>
    public const string TrainingSteps = "training steps (the first 20 not counted)";

    /// <summary>Trainable parameters.</summary>
    public const string Parameters = "parameters";

    /// <summary>The 1,024 × 1,024 product, a reference point comparable across machines.</summary>
    public const string SquareGemm = "square 1,024 × 1,024 (reference point)";

    /// <summary>FLOP-weighted rate of a workload's products.</summary>
    public static string Weighted(string workload) => $"{workload}: all its products, FLOP-weighted";

    /// <summary>One product of a workload.</summary>
    public static string Gemm(string workload, GemmWork work) => $"{workload}: {work.Part}, {work.Shape}";

    /// <summary>Model FLOPs per token of a workload.</summary>
    public static string FlopsPerToken(string workload) => $"{workload}: model FLOPs per token";

    /// <summary>Model FLOP rate of a workload.</summary>
    public static string ModelRate(string workload) => $"{workload}: model FLOP rate";

    /// <summary>Model FLOPs utilization of a workload.</summary>
    public static string Mfu(string workload) => $"{workload}: MFU";

    /// <summary>Set thread count.</summary>
    public const string ThreadsSet = "threads set (set_num_threads)";

    /// <summary>Thread count the framework reports back.</summary>
    public const string ThreadsSeen = "intra-op threads reported (get_num_threads)";

    /// <summary>Thread count of the BLAS itself.</summary>
    public const string BlasThreads = "BLAS threads (MKL / OpenBLAS)";

    /// <summary>Cores kept busy by the square product.</summary>
    public const string GemmCoresBusy = "cores busy during the square product";

    /// <summary>Cores kept busy while training.</summary>
    public const string TrainingCoresBusy = "cores busy while training (steady state)";

    /// <summary>Other processes' CPU load during the suite.</summary>
    public const string OtherLoad = "other processes' CPU load during the suite (cores)";

    /// <summary>1 when the peer runs on the reference BLAS and was not compared.</summary>
    public const string Refused = "refused: runs on the reference BLAS";

    /// <summary>Prefix of the metric set to 1 when OpenBLAS's kernels had to be forced; the detected ones follow.</summary>
    public const string KernelsForced = "OpenBLAS kernels forced, detected";

    /// <summary>Training step phases.</summary>
    public const string StepForward = "forward and loss";

    /// <summary>Backward phase.</summary>
    public const string StepBackward = "zero_grad and backward";

    /// <summary>Clipping phase.</summary>
    public const string StepClip = "gradient-norm clipping";

    /// <summary>Optimizer phase.</summary>
    public const string StepOptimizer = "AdamW step";

    /// <summary>The whole step.</summary>
    public const string StepTotal = "whole step";

    /// <summary>Output layer alone.</summary>
    public const string StepOutputLayer = "of which (timed alone): tied output layer and cross-entropy, chunked, forward + backward";

    /// <summary>Output layer alone, the plain way.</summary>
    public const string StepPlainOutputLayer = "(for comparison, timed alone: the same over the whole batch's logits)";

    /// <summary>Attention alone.</summary>
    public const string StepAttention = "of which (timed alone): scaled dot-product attention, all layers, forward + backward";

    /// <summary>The step's matrix products at their measured rates.</summary>
    public const string StepGemmFloor = "of which at least: the step's matrix products at their measured GEMM rates";

    /// <summary>Tokens per second of the profiled steps.</summary>
    public const string StepTokensPerSecond = "tokens/s of these steps";
}
