namespace Ecosystem.Theory;

/// <summary>Moments of the Gaussian refit chain (Shumailov et al., Nature 2024, Theorem 3.1): generation 0 is fitted to
/// M_0 values of N(μ, σ²), generation n to M_n values of generation n - 1, by the sample mean and the unbiased (or mle)
/// variance.</summary>
/// <remarks>With X_n = σ_n²/σ_{n-1}² independent of the sample mean (normal data) and of the past, E[X] = c₁,
/// E[X²] = c₂ (unbiased: 1 and (M+1)/(M-1); mle: (M-1)/M and (M²-1)/M²), the error e_n = μ_n - μ obeys
/// e_n = e_{n-1} + η_n, η_n ~ N(0, σ_{n-1}²/M_n) given the past. So with S = E[σ²], B = E[σ⁴], D = E[e²],
/// A = E[e² σ²], C = E[e⁴], starting from S = σ², B = σ⁴ and D = A = C = 0:
/// D_n = D_{n-1} + S_{n-1}/M_n; C_n = C_{n-1} + 6 A_{n-1}/M_n + 3 B_{n-1}/M_n²; A_n = c₁ (A_{n-1} + B_{n-1}/M_n);
/// S_n = c₁ S_{n-1}; B_n = c₂ B_{n-1}. log X is the log of a scaled χ²_{M-1}: mean ψ((M-1)/2) + log(2/(M-1)) (mle:
/// log(2/M)), variance ψ'((M-1)/2); the logs of the generations add.</remarks>
public sealed class GaussianRefitTheory
{
    /// <summary>Label of the fitted variance over σ².</summary>
    public const string VarianceRatio = "variance_ratio";

    /// <summary>Label of log(σ_n²/σ²).</summary>
    public const string LogVarianceRatio = "log_variance_ratio";

    /// <summary>Label of μ_n - μ.</summary>
    public const string MeanError = "mean_error";

    /// <summary>Label of (μ_n - μ)².</summary>
    public const string MeanErrorSquared = "mean_error_squared";

    private readonly double _variance;
    private readonly bool _unbiased;
    private readonly List<Moments> _generations = [];

    /// <summary>The chain for true variance <paramref name="variance"/> and the given estimator.</summary>
    public GaussianRefitTheory(double variance, bool unbiased)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(variance);
        _variance = variance;
        _unbiased = unbiased;
    }

    /// <summary>Generations added so far.</summary>
    public int Generations => _generations.Count;

    /// <summary>Adds the next generation, fitted to <paramref name="values"/> values of the previous one (of the truth
    /// for generation 0).</summary>
    public void AddGeneration(int values)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(values, 2);
        var m = (double)values;
        var previous = _generations.Count == 0
            ? new Moments(_variance, _variance * _variance, 0, 0, 0, 0, 0)
            : _generations[^1];
        var (c1, c2) = _unbiased ? (1.0, (m + 1) / (m - 1)) : ((m - 1) / m, (m - 1) * (m + 1) / (m * m));
        var half = (m - 1) / 2;
        _generations.Add(new Moments(
            S: c1 * previous.S,
            B: c2 * previous.B,
            D: previous.D + previous.S / m,
            A: c1 * (previous.A + previous.B / m),
            C: previous.C + 6 * previous.A / m + 3 * previous.B / (m * m),
            LogMean: previous.LogMean + Polygamma.Digamma(half) + Math.Log(2 / (_unbiased ? m - 1 : m)),
            LogVariance: previous.LogVariance + Polygamma.Trigamma(half)));
    }

    /// <summary>The expectations of generation <paramref name="generation"/> (0-based).</summary>
    public IReadOnlyList<TheoryQuantity> At(int generation)
    {
        var g = _generations[generation];
        var s2 = _variance;
        return
        [
            new(VarianceRatio, g.S / s2, Math.Sqrt(Math.Max(g.B - g.S * g.S, 0)) / s2),
            new(LogVarianceRatio, g.LogMean, Math.Sqrt(g.LogVariance)),
            new(MeanError, 0, Math.Sqrt(g.D)),
            new(MeanErrorSquared, g.D, Math.Sqrt(Math.Max(g.C - g.D * g.D, 0))),
        ];
    }

    private readonly record struct Moments(double S, double B, double D, double A, double C, double LogMean, double LogVariance);
}
