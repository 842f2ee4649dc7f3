using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Ecosystem.Models.Transformer;

/// <summary>Draws a prompt's beams without replacement from the softmax of its candidates' scores over a temperature,
/// as Hugging Face's beam-search multinomial sampling does.</summary>
/// <remarks>Candidates are drawn one after another, each from the probabilities of those not drawn yet (a Plackett-Luce
/// draw, the same distribution as the Gumbel top-k trick of Kool et al. 2019). That needs k uniform numbers per prompt
/// instead of Gumbel noise for every candidate: with 5 beams over an 8,192-id vocabulary, generating the noise took
/// longer than the model's forward step. Each prompt draws from a generator of its own, so the result does not depend
/// on how prompts are batched.</remarks>
internal static class BeamDraw
{
    /// <summary>For each row of <paramref name="scores"/> [rows, candidates], <paramref name="count"/> distinct
    /// candidate indices in the order drawn, row r drawing from <paramref name="generators"/>[r]; a row with fewer
    /// candidates of non-zero probability than that completes its draw with the first remaining ones.</summary>
    public static long[] Draw(Tensor scores, double temperature, int count, IReadOnlyList<Random> generators)
    {
        var rows = (int)scores.shape[0];
        var width = (int)scores.shape[1];
        using var scope = torch.NewDisposeScope();
        var probabilities = nn.functional.softmax(scores / temperature, -1).cpu().contiguous();
        // Running totals in double precision, made by libtorch in one pass: a row's total is its running sum in order,
        // the same as summing the floats one by one in managed code, without a managed loop over every candidate.
        var totals = probabilities.cumsum(-1, ScalarType.Float64).contiguous();
        var all = MemoryMarshal.Cast<byte, float>(probabilities.bytes);
        var cumulative = MemoryMarshal.Cast<byte, double>(totals.bytes);
        var drawn = new long[rows * count];
        for (var r = 0; r < rows; r++)
        {
            DrawRow(all.Slice(r * width, width), cumulative.Slice(r * width, width), drawn.AsSpan(r * count, count), generators[r]);
        }

        return drawn;
    }

    private static void DrawRow(ReadOnlySpan<float> probabilities, ReadOnlySpan<double> cumulative, Span<long> drawn, Random generator)
    {
        var total = cumulative[^1];
        var excluded = 0.0;
        for (var k = 0; k < drawn.Length; k++)
        {
            var chosen = drawn[..k];
            var remaining = total - excluded;
            long index;
            if (remaining > 0)
            {
                index = Find(cumulative, chosen, probabilities, generator.NextDouble() * remaining);
                // A target within rounding of the whole remaining mass can run past the last live candidate.
                while (index > 0 && (probabilities[(int)index] == 0 || chosen.Contains(index)))
                {
                    index--;
                }
            }
            else
            {
                index = 0;
                while (chosen.Contains(index))
                {
                    index++;
                }
            }

            drawn[k] = index;
            excluded += probabilities[(int)index];
        }
    }

    /// <summary>The smallest index whose cumulative probability, leaving out the candidates already drawn, exceeds
    /// <paramref name="target"/>. That cumulative never decreases, so a binary search finds it, and it is never a drawn
    /// candidate or one of probability 0 (neither raises it).</summary>
    private static long Find(ReadOnlySpan<double> cumulative, ReadOnlySpan<long> chosen, ReadOnlySpan<float> probabilities, double target)
    {
        var (low, high) = (0, probabilities.Length - 1);
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            var below = cumulative[middle];
            foreach (var c in chosen)
            {
                if (c <= middle)
                {
                    below -= probabilities[(int)c];
                }
            }

            if (below > target)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
