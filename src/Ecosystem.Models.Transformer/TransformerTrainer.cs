using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ecosystem.Models.Transformer;

/// <summary>Mini-batch AdamW training of a decoder: linear warm-up, cosine decay to a tenth of the peak learning rate,
/// global gradient-norm clipping, every step inside its own dispose scope.</summary>
internal static class TransformerTrainer
{
    private const int ReportEvery = 20;

    public static TrainingSummary Train(
        GptDecoder model,
        TrainingBlocks blocks,
        int epochs,
        double peakLearningRate,
        bool fineTuned,
        Device device,
        Random random,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken,
        TrainingBlocks? validation = null)
    {
        var settings = model.Settings;
        var stepsPerEpoch = (blocks.Count + settings.BatchSize - 1) / settings.BatchSize;
        var steps = epochs * stepsPerEpoch;
        var warmup = (int)Math.Ceiling(settings.WarmupFraction * steps);

        // Decay matrices only (Loshchilov and Hutter 2019 as used by GPT-2): biases and norm gains stay undecayed.
        var decayed = model.named_parameters().Where(p => p.parameter.dim() >= 2).Select(p => p.parameter).ToList();
        var undecayed = model.named_parameters().Where(p => p.parameter.dim() < 2).Select(p => p.parameter).ToList();
        using var optimizer = torch.optim.AdamW(
            [
                new AdamW.ParamGroup(decayed, peakLearningRate, 0.9, 0.95, 1e-8, settings.WeightDecay, false, false),
                new AdamW.ParamGroup(undecayed, peakLearningRate, 0.9, 0.95, 1e-8, 0, false, false),
            ],
            peakLearningRate);

        model.train();
        using var selection = validation is null ? null : new EpochSelection(model);
        var order = Enumerable.Range(0, blocks.Count).ToArray();
        var epochLosses = new List<double>(epochs);
        var step = 0;
        long tokens = 0;
        var clock = Stopwatch.StartNew();
        var windowLoss = 0.0;
        var windowSteps = 0;
        long windowTokens = 0;
        var windowClock = Stopwatch.StartNew();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            double epochLoss = 0;
            for (var batchStart = 0; batchStart < order.Length; batchStart += settings.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = order.AsSpan(batchStart, Math.Min(settings.BatchSize, order.Length - batchStart));
                SetLearningRate(optimizer, LearningRate(step, steps, warmup, peakLearningRate));
                double loss;
                long batchTokens;
                using (var scope = torch.NewDisposeScope())
                {
                    var (input, target, weight) = Batch(blocks, batch, device);
                    batchTokens = target.ne(TrainingBlocks.Ignore).sum().item<long>();
                    var (lossTarget, scale) = LossTargets(target, weight, batchTokens);
                    var lossTensor = model.Loss(input, lossTarget, scale);
                    optimizer.zero_grad();
                    lossTensor.backward();
                    nn.utils.clip_grad_norm_(model.parameters(), settings.GradientClip);
                    optimizer.step();
                    loss = lossTensor.item<float>();
                }

                step++;
                tokens += batchTokens;
                epochLoss += loss;
                windowLoss += loss;
                windowSteps++;
                windowTokens += batchTokens;
                if (progress is not null && (step % ReportEvery == 0 || batchStart + settings.BatchSize >= order.Length))
                {
                    var eta = clock.Elapsed.TotalSeconds / step * (steps - step);
                    progress.Report(new TrainingProgress(epoch, epochs, step, steps, windowLoss / windowSteps, windowTokens / Math.Max(1e-9, windowClock.Elapsed.TotalSeconds), eta));
                    windowLoss = 0;
                    windowSteps = 0;
                    windowTokens = 0;
                    windowClock.Restart();
                }
            }

            epochLosses.Add(epochLoss / stepsPerEpoch);
            if (validation is not null)
            {
                selection!.Score(epoch, ValidationLoss(model, validation, device));
                model.train();
            }
        }

        // Gradients are native tensors held by the parameters: drop them so a trained model carries only its weights.
        model.zero_grad(set_to_none: true);
        model.eval();
        var selected = selection?.Restore() ?? epochs;
        return new TrainingSummary(epochs, steps, tokens, epochLosses, tokens / Math.Max(1e-9, clock.Elapsed.TotalSeconds), fineTuned)
        {
            ValidationLosses = selection is null ? new List<double>() : selection.Losses.ToList(),
            SelectedEpoch = selected,
        };
    }

    /// <summary>Mean cross-entropy per predicted token of <paramref name="blocks"/> (nats), in evaluation mode.</summary>
    /// <remarks>Over the model's own vocabulary: the unknown symbol's share of an id without a row depends on the
    /// vocabulary alone, not on the weights, so epochs rank the same as by perplexity over every source id.</remarks>
    internal static double ValidationLoss(GptDecoder model, TrainingBlocks blocks, Device device)
    {
        model.eval();
        using var noGrad = torch.no_grad();
        var order = Enumerable.Range(0, blocks.Count).ToArray();
        double total = 0;
        long predicted = 0;
        for (var batchStart = 0; batchStart < order.Length; batchStart += model.Settings.BatchSize)
        {
            using var scope = torch.NewDisposeScope();
            var batch = order.AsSpan(batchStart, Math.Min(model.Settings.BatchSize, order.Length - batchStart));
            var (input, target, _) = Batch(blocks, batch, device);
            var count = target.ne(TrainingBlocks.Ignore).sum().item<long>();
            var (lossTarget, scale) = LossTargets(target, null, count);
            total += model.Loss(input, lossTarget, scale).item<float>() * count;
            predicted += count;
        }

        return predicted == 0 ? double.NaN : total / predicted;
    }

    /// <summary>What each target counts in the batch's cross-entropy, and the targets with every ignored one replaced
    /// by a valid id (its scale is 0): the mean over the predicted targets, or with weights the sum of each target's
    /// cross-entropy times its weight over the number of predicted targets.</summary>
    /// <remarks>Dividing by the count rather than by the batch's sum of weights keeps a batch of low-weight documents
    /// a small step: the weights average 1 over the whole training set, so every batch's loss is an unbiased estimate
    /// of the weighted mean over all of it, whereas a per-batch normalisation would cancel the weights of any batch
    /// drawn from documents of one weight (and divide by 0 for weight-0 ones).</remarks>
    internal static (Tensor Target, Tensor Scale) LossTargets(Tensor target, Tensor? weight, long predicted)
    {
        var ignored = target.eq(TrainingBlocks.Ignore);
        var counted = weight ?? ignored.logical_not().to_type(ScalarType.Float32);
        return (target.masked_fill(ignored, 0), counted.div(Math.Max(1, predicted)));
    }

    /// <summary>Linear warm-up to the peak, then cosine decay to a tenth of it.</summary>
    internal static double LearningRate(int step, int steps, int warmup, double peak)
    {
        if (step < warmup)
        {
            return peak * (step + 1) / warmup;
        }

        var progress = steps <= warmup ? 1 : (double)(step - warmup) / (steps - warmup);
        var floor = 0.1 * peak;
        return floor + (peak - floor) * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }

    private static void SetLearningRate(AdamW optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }
    }

    private static (Tensor Input, Tensor Target, Tensor? Weight) Batch(TrainingBlocks blocks, ReadOnlySpan<int> rows, Device device)
    {
        var length = blocks.Length;
        var input = new long[rows.Length * length];
        var target = new long[rows.Length * length];
        var weight = blocks.Weights is null ? null : new float[rows.Length * length];
        for (var r = 0; r < rows.Length; r++)
        {
            blocks.Inputs[rows[r]].CopyTo(input, r * length);
            blocks.Targets[rows[r]].CopyTo(target, r * length);
            blocks.Weights?[rows[r]].CopyTo(weight!, r * length);
        }

        return (
            torch.tensor(input, [rows.Length, length], device: device),
            torch.tensor(target, [rows.Length, length], device: device),
            weight is null ? null : torch.tensor(weight, [rows.Length, length], device: device));
    }
}
