using System.Diagnostics;
using Ecosystem.Models.Transformer;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ecosystem.Benchmarks.Transformer;

/// <summary>Times the phases of the simulator's training step with a stopwatch, on the decoder itself with the
/// trainer's optimiser settings and random token blocks; then the output layer and the attention alone at the same
/// shapes, to say where the time goes.</summary>
public static class TrainingStepProfile
{
    /// <summary>Mean phase times over <paramref name="steps"/> steps after <paramref name="warmup"/> untimed ones.</summary>
    public static StepTimes Measure(TransformerShape shape, int vocabulary, int warmup, int steps, CancellationToken cancellationToken)
    {
        var settings = shape.Settings();
        torch.manual_seed(11);
        using var model = new GptDecoder(settings, vocabulary);
        model.train();
        var decayed = model.parameters().Where(p => p.dim() >= 2).ToList();
        var undecayed = model.parameters().Where(p => p.dim() < 2).ToList();
        using var optimizer = torch.optim.AdamW(
            [
                new AdamW.ParamGroup(decayed, settings.LearningRate, 0.9, 0.95, 1e-8, settings.WeightDecay, false, false),
                new AdamW.ParamGroup(undecayed, settings.LearningRate, 0.9, 0.95, 1e-8, 0, false, false),
            ],
            settings.LearningRate);

        var phases = new double[4];
        var clock = new Stopwatch();
        for (var step = 0; step < warmup + steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();
            var input = torch.randint(2, vocabulary, [shape.Batch, shape.Context], dtype: ScalarType.Int64);
            var target = torch.randint(2, vocabulary, [shape.Batch, shape.Context], dtype: ScalarType.Int64);
            var timed = step >= warmup;

            clock.Restart();
            var loss = model.Loss(input, target, torch.full([shape.TokensPerStep], 1.0f / shape.TokensPerStep));
            Add(phases, 0, clock, timed);
            optimizer.zero_grad();
            loss.backward();
            Add(phases, 1, clock, timed);
            nn.utils.clip_grad_norm_(model.parameters(), settings.GradientClip);
            Add(phases, 2, clock, timed);
            optimizer.step();
            Add(phases, 3, clock, timed);
        }

        return new StepTimes(
            phases[0] / steps, phases[1] / steps, phases[2] / steps, phases[3] / steps,
            OutputLayer(shape, vocabulary, chunked: true, warmup, steps, cancellationToken),
            OutputLayer(shape, vocabulary, chunked: false, warmup, steps, cancellationToken),
            Attention(shape, settings.AttentionDropout, warmup, steps, cancellationToken) * shape.Layers);
    }

    private static void Add(double[] phases, int phase, Stopwatch clock, bool timed)
    {
        if (timed)
        {
            phases[phase] += clock.Elapsed.TotalSeconds;
        }

        clock.Restart();
    }

    // Chunked is the model's own path (ChunkedOutputLoss); plain is libtorch's cross-entropy over the whole batch's
    // logits, the path it replaced, kept to show what the chunking is worth.
    private static double OutputLayer(TransformerShape shape, int vocabulary, bool chunked, int warmup, int steps, CancellationToken cancellationToken)
    {
        using var outer = torch.NewDisposeScope();
        var hidden = torch.randn(shape.TokensPerStep, shape.Width).requires_grad_();
        var embedding = (torch.randn(vocabulary, shape.Width) * 0.02).requires_grad_();
        var target = torch.randint(2, vocabulary, [shape.TokensPerStep], dtype: ScalarType.Int64);
        var scale = torch.full([shape.TokensPerStep], 1.0f / shape.TokensPerStep);
        return Repeat(warmup, steps, cancellationToken, () =>
        {
            hidden.grad?.zero_();
            embedding.grad?.zero_();
            var loss = chunked
                ? ChunkedOutputLoss.Compute(hidden, embedding, target, scale)
                : nn.functional.cross_entropy(hidden.matmul(embedding.t()), target);
            loss.backward();
        });
    }

    private static double Attention(TransformerShape shape, double dropout, int warmup, int steps, CancellationToken cancellationToken)
    {
        using var outer = torch.NewDisposeScope();
        long[] size = [shape.Batch, shape.Heads, shape.Context, shape.Width / shape.Heads];
        var query = torch.randn(size).requires_grad_();
        var key = torch.randn(size).requires_grad_();
        var value = torch.randn(size).requires_grad_();
        var upstream = torch.randn(size);
        return Repeat(warmup, steps, cancellationToken, () =>
        {
            var attended = nn.functional.scaled_dot_product_attention(query, key, value, p: dropout, is_casual: true);
            torch.autograd.backward([attended], [upstream]);
        });
    }

    private static double Repeat(int warmup, int steps, CancellationToken cancellationToken, Action step)
    {
        var clock = new Stopwatch();
        for (var i = 0; i < warmup + steps; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i == warmup)
            {
                clock.Start();
            }

            using var scope = torch.NewDisposeScope();
            step();
        }

        return clock.Elapsed.TotalSeconds / steps;
    }
}
