using Ecosystem.Benchmarks.Transformer;

namespace Ecosystem.Benchmarks.Tests;

public class TransformerFlopsTests
{
    private static readonly TransformerShape Shape = new(Layers: 2, Heads: 4, Width: 128, Context: 64, Batch: 32, Vocabulary: 8000);

    [Fact]
    public void Matmul_weights_are_twelve_width_squared_per_block_plus_the_tied_output_layer()
    {
        Assert.Equal(2 * 12 * 128 * 128 + 8000 * 128, ModelFlops.MatmulWeights(Shape, 8000));
    }

    [Fact]
    public void A_training_token_costs_three_forward_passes_over_a_full_window()
    {
        const double forward = 2.0 * 1_417_216 + 4 * 2 * 128 * 64;
        Assert.Equal(forward, ModelFlops.ScoringPerToken(Shape, 8000));
        Assert.Equal(3 * forward, ModelFlops.TrainingPerToken(Shape, 8000));
        Assert.Equal(8_699_904, ModelFlops.TrainingPerToken(Shape, 8000));
    }

    [Fact]
    public void A_generated_token_averages_one_prompt_pass_and_the_one_token_steps()
    {
        const double body = 2.0 * 2 * 12 * 128 * 128;
        const double output = 2.0 * 8000 * 128;
        const double attention = 4.0 * 2 * 128 * 64;
        const double total = 64 * (body + attention) + output + 63 * (body + output + attention);

        Assert.Equal(total / 64, ModelFlops.GenerationPerToken(Shape, 8000, promptLength: 64, generated: 64));
        // A short prompt attends to fewer keys until the window fills.
        Assert.True(ModelFlops.GenerationPerToken(Shape, 8000, promptLength: 8, generated: 64) < total / 64);
        Assert.Throws<ArgumentOutOfRangeException>(() => ModelFlops.GenerationPerToken(Shape, 8000, 64, 0));
    }

    [Fact]
    public void Training_products_are_forward_input_gradient_and_weight_gradient_of_every_weight_the_output_layers_a_chunk_at_a_time()
    {
        var work = ModelGemms.Training(Shape, 8000);

        Assert.Equal(15, work.Count);
        Assert.Equal(6.0 * 2048 * ModelFlops.MatmulWeights(Shape, 8000), work.Sum(w => w.Flops));
        var output = work.Where(w => w.Part.StartsWith("output layer", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [new GemmShape(128, 128, 8000, GemmLayout.NT), new GemmShape(128, 8000, 128, GemmLayout.NN), new GemmShape(8000, 128, 128, GemmLayout.TN)],
            output.Select(w => w.Shape));
        Assert.All(output, w => Assert.Equal(2048 / 128, w.Calls));
        Assert.Contains(work, w => w.Part == "MLP expand forward" && w.Shape == new GemmShape(2048, 128, 512, GemmLayout.NT));
    }

    [Fact]
    public void Scoring_and_generation_products_add_up_to_their_forward_matmul_flops()
    {
        var weights = ModelFlops.MatmulWeights(Shape, 8000);
        Assert.Equal(2.0 * 64 * 64 * weights, ModelGemms.Scoring(Shape, 8000, 64).Sum(w => w.Flops));
        // 100 windows: 6,400 rows, 50 chunks of 128 (and FLOPs still exact for a count that does not divide evenly).
        Assert.Contains(ModelGemms.Scoring(Shape, 8000, 100), w => w.Shape == new GemmShape(128, 128, 8000, GemmLayout.NT) && w.Calls == 50);
        Assert.Equal(2.0 * 3 * 64 * weights, ModelGemms.Scoring(Shape, 8000, 3).Sum(w => w.Flops), 6);

        var generation = ModelGemms.Generation(Shape, 8000, prompts: 64, promptLength: 64, generated: 64);
        const double body = 2.0 * 2 * 12 * 128 * 128;
        const double output = 2.0 * 8000 * 128;
        Assert.Equal(64 * (64 * body + 63 * body + 64 * output), generation.Sum(w => w.Flops));
        Assert.Contains(generation, w => w.Shape == new GemmShape(64, 128, 8000, GemmLayout.NT) && w.Calls == 64);
    }

    [Fact]
    public void The_weighted_rate_is_total_flops_over_the_time_at_each_products_rate()
    {
        GemmWork[] work =
        [
            new("small", new GemmShape(1, 1, 1, GemmLayout.NN), 1),
            new("large", new GemmShape(1, 1, 3, GemmLayout.NN), 1),
        ];

        // 2 FLOPs at 1 FLOP/s and 6 FLOPs at 3 FLOP/s: 8 FLOPs in 4 seconds.
        Assert.Equal(2, Utilization.WeightedRate(work, s => s.Columns));
        Assert.Throws<ArgumentOutOfRangeException>(() => Utilization.WeightedRate(work, _ => 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Utilization.WeightedRate([], _ => 1));
    }

    [Fact]
    public void Mfu_is_the_model_flop_rate_over_the_gemm_rate()
    {
        Assert.Equal(0.5, Utilization.ModelFlopsUtilization(1000, 1e6, 2e9));
        Assert.Throws<ArgumentOutOfRangeException>(() => Utilization.ModelFlopsUtilization(1000, 1e6, 0));
    }

    [Fact]
    public void Steady_state_throughput_leaves_out_the_first_window()
    {
        Assert.Equal(100, Utilization.SteadyTokensPerSecond([(100, 10), (100, 1), (100, 1)]));
        Assert.Equal(10, Utilization.SteadyTokensPerSecond([(100, 10)]));
    }

    [Fact]
    public void Training_windows_turn_progress_reports_into_tokens_and_seconds()
    {
        var windows = new TrainingWindows(tokensPerStep: 2048);
        windows.Report(new Ecosystem.Models.Transformer.TrainingProgress(1, 1, 20, 100, 9, 2048));
        windows.Report(new Ecosystem.Models.Transformer.TrainingProgress(1, 1, 40, 100, 8, 4096));

        Assert.Equal([(20.0 * 2048, 20.0), (20.0 * 2048, 10.0)], windows.Windows);
        Assert.Equal(4096, Utilization.SteadyTokensPerSecond(windows.Windows));
    }
}
