using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Ecosystem.Models.Transformer.Tests;

public sealed class CounterDropoutTests
{
    [Fact]
    public void The_share_dropped_is_the_probability_within_four_standard_errors_and_kept_elements_are_scaled()
    {
        const double p = 0.1;
        const int n = 1_000_003;
        using var scope = NewDisposeScope();
        var mask = CounterDropout.Mask([n], p, seed: 12345).data<float>().ToArray();
        var dropped = mask.Count(v => v == 0);
        var standardError = Math.Sqrt(n * p * (1 - p));
        Assert.InRange(dropped, n * p - 4 * standardError, n * p + 4 * standardError);
        Assert.All(mask.Where(v => v != 0), v => Assert.Equal((float)(1 / (1 - p)), v));
    }

    [Fact]
    public void Neighbouring_decisions_are_uncorrelated_within_four_standard_errors()
    {
        // Two elements share a hash: its low and high halves must not move together, nor must consecutive hashes.
        const double p = 0.5;
        const int n = 400_000;
        using var scope = NewDisposeScope();
        var kept = CounterDropout.Mask([n], p, seed: 99).data<float>().Select(v => v != 0 ? 1.0 : 0.0).ToArray();
        foreach (var lag in new[] { 1, 2 })
        {
            var pairs = n - lag;
            var both = 0.0;
            for (var i = 0; i < pairs; i++)
            {
                both += kept[i] * kept[i + lag];
            }

            // Independent halves: P(both kept) = 1/4, a binomial proportion with standard error sqrt(3/16 / pairs).
            var standardError = Math.Sqrt(3.0 / 16 / pairs);
            Assert.InRange(both / pairs, 0.25 - 4 * standardError, 0.25 + 4 * standardError);
        }
    }

    [Fact]
    public void The_same_global_seed_gives_the_same_masks_and_the_next_call_a_different_one()
    {
        using var scope = NewDisposeScope();
        var dropout = new CounterDropout(0.3);
        dropout.train();
        var input = ones(7, 33);
        torch.manual_seed(5);
        var first = dropout.forward(input).data<float>().ToArray();
        var second = dropout.forward(input).data<float>().ToArray();
        torch.manual_seed(5);
        var again = dropout.forward(input).data<float>().ToArray();
        Assert.Equal(first, again);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void The_gradient_is_the_mask_times_the_upstream_gradient()
    {
        using var scope = NewDisposeScope();
        var dropout = new CounterDropout(0.25);
        dropout.train();
        var input = randn(5, 9).requires_grad_();
        var upstream = randn(5, 9);
        torch.manual_seed(8);
        var output = dropout.forward(input);
        torch.autograd.backward([output], [upstream]);
        torch.manual_seed(8);
        var mask = dropout.forward(ones(5, 9));
        Assert.True(output.detach().allclose(input.detach() * mask));
        Assert.True(input.grad!.allclose(upstream * mask));
    }

    [Fact]
    public void In_evaluation_mode_or_at_zero_it_passes_the_input_through()
    {
        using var scope = NewDisposeScope();
        var input = randn(4, 4);
        var dropout = new CounterDropout(0.5);
        dropout.eval();
        Assert.Same(input, dropout.forward(input));
        var none = new CounterDropout(0);
        none.train();
        Assert.Same(input, none.forward(input));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CounterDropout(1));
    }
}
