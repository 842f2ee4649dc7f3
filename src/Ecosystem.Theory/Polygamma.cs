using MathNet.Numerics;

namespace Ecosystem.Theory;

/// <summary>The digamma and trigamma functions, ψ and ψ', which give the moments of the log of a chi-squared variable.</summary>
public static class Polygamma
{
    /// <summary>ψ(x) = d/dx log Γ(x).</summary>
    public static double Digamma(double x) => SpecialFunctions.DiGamma(x);

    /// <summary>ψ'(x) = Σ_k 1/(x + k)², for x &gt; 0: shifted up by the recurrence ψ'(x) = ψ'(x + 1) + 1/x² until x ≥ 10,
    /// then the asymptotic series, whose error there is below 1e-15.</summary>
    public static double Trigamma(double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(x);
        double sum = 0;
        while (x < 10)
        {
            sum += 1 / (x * x);
            x++;
        }

        var inverse = 1 / x;
        var inverse2 = inverse * inverse;
        // 1/x + 1/(2x²) + 1/(6x³) - 1/(30x⁵) + 1/(42x⁷) - 1/(30x⁹) + 5/(66x¹¹)
        var series = inverse + inverse2 / 2
            + inverse * inverse2 * (1.0 / 6 - inverse2 * (1.0 / 30 - inverse2 * (1.0 / 42 - inverse2 * (1.0 / 30 - inverse2 * 5.0 / 66))));
        return sum + series;
    }
}
