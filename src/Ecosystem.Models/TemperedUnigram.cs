namespace Ecosystem.Models;

/// <summary>The unigram level of an n-gram model raised to 1/T, with its total and a cumulative table for drawing.</summary>
internal sealed class TemperedUnigram
{
    private readonly double[] _cumulative;

    public TemperedUnigram(double[] unigram, double temperature)
    {
        Temperature = temperature;
        Weights = unigram.Select(p => Math.Pow(p, 1 / temperature)).ToArray();
        _cumulative = new double[Weights.Length];
        double sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += Weights[i];
            _cumulative[i] = sum;
        }

        Total = sum;
    }

    public double Temperature { get; }

    /// <summary>P_1(w)^(1/T) for every token.</summary>
    public double[] Weights { get; }

    /// <summary>Z_T = Σ_w P_1(w)^(1/T).</summary>
    public double Total { get; }

    public int Draw(Random random)
    {
        var i = Array.BinarySearch(_cumulative, random.NextDouble() * Total);
        i = i < 0 ? ~i : i + 1;
        return Math.Min(i, Weights.Length - 1);
    }

    /// <summary>A draw restricted to tokens outside <paramref name="excluded"/>, by a linear scan (the rejection fallback).</summary>
    public int DrawExcluding(SamplingScratch excluded, Random random)
    {
        double total = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            if (!excluded.Contains(i))
            {
                total += Weights[i];
            }
        }

        var u = random.NextDouble() * total;
        double cumulative = 0;
        var last = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            if (excluded.Contains(i))
            {
                continue;
            }

            cumulative += Weights[i];
            last = i;
            if (u < cumulative)
            {
                return i;
            }
        }

        return last;
    }
}
