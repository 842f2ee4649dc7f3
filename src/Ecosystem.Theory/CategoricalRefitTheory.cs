using MathNet.Numerics;

namespace Ecosystem.Theory;

/// <summary>The categorical refit chain (Shumailov et al., Nature 2024, discrete case): generation 0 is the empirical
/// distribution of M_0 draws from q, generation n that of M_n draws from generation n - 1 (a Wright-Fisher chain).</summary>
/// <remarks>Each fitted probability is a martingale, E[p_n(i)] = q_i, with Var p_n(i) = q_i (1 - q_i)(1 - Π_k (1 - 1/M_k)),
/// and the chain is absorbed in state i with probability q_i. The share of worlds absorbed in state i by generation n is
/// computed exactly by carrying the distribution over count vectors when there are at most
/// <see cref="MaxExactStates"/> of them.</remarks>
public sealed class CategoricalRefitTheory
{
    /// <summary>Largest number of count vectors for which absorption is computed exactly.</summary>
    public const int MaxExactStates = 3000;

    private readonly double[] _q;
    private double _survival = 1;
    private int _generations;
    private int? _draws;
    private int[][]? _states;
    private double[]? _distribution;
    private double[,]? _transition;
    private bool _exact = true;

    /// <summary>The chain started from the true probabilities <paramref name="q"/>.</summary>
    public CategoricalRefitTheory(IReadOnlyList<double> q)
    {
        _q = [.. q];
    }

    /// <summary>Label of p_n(i).</summary>
    public static string ProbabilityLabel(int category) => $"probability_{category}";

    /// <summary>Label of the share of worlds absorbed in state i.</summary>
    public static string AbsorbedLabel(int category) => $"absorbed_share_{category}";

    /// <summary>Adds the next generation, fitted to <paramref name="draws"/> draws of the previous one.</summary>
    public void AddGeneration(int draws)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(draws);
        _survival *= 1 - 1.0 / draws;
        _generations++;
        if (!_exact)
        {
            return;
        }

        if (_draws is { } previous && previous != draws || Combinatorics.Combinations(draws + _q.Length - 1, _q.Length - 1) > MaxExactStates)
        {
            // Absorption is carried exactly for one draw count only; it is simply not reported otherwise.
            _exact = false;
            return;
        }

        if (_states is null)
        {
            _draws = draws;
            _states = [.. Compositions(draws, _q.Length)];
            _distribution = [.. _states.Select(s => Multinomial(s, _q))];
            return;
        }

        _transition ??= TransitionMatrix(_states, draws);
        var next = new double[_states.Length];
        for (var from = 0; from < _states.Length; from++)
        {
            var mass = _distribution![from];
            if (mass == 0)
            {
                continue;
            }

            for (var to = 0; to < _states.Length; to++)
            {
                next[to] += mass * _transition[from, to];
            }
        }

        _distribution = next;
    }

    /// <summary>The expectations of the latest generation added.</summary>
    public IReadOnlyList<TheoryQuantity> Latest()
    {
        if (_generations == 0)
        {
            throw new InvalidOperationException("No generation has been added.");
        }

        var quantities = new List<TheoryQuantity>();
        for (var i = 0; i < _q.Length; i++)
        {
            quantities.Add(new TheoryQuantity(ProbabilityLabel(i), _q[i], Math.Sqrt(_q[i] * (1 - _q[i]) * (1 - _survival))));
        }

        if (_exact && _states is not null)
        {
            for (var i = 0; i < _q.Length; i++)
            {
                var absorbed = Array.FindIndex(_states, s => s[i] == _draws);
                var p = _distribution![absorbed];
                quantities.Add(new TheoryQuantity(AbsorbedLabel(i), p, Math.Sqrt(p * (1 - p)), Share: true));
            }
        }

        return quantities;
    }

    private static double[,] TransitionMatrix(int[][] states, int draws)
    {
        var matrix = new double[states.Length, states.Length];
        for (var from = 0; from < states.Length; from++)
        {
            var p = states[from].Select(c => (double)c / draws).ToArray();
            for (var to = 0; to < states.Length; to++)
            {
                matrix[from, to] = Multinomial(states[to], p);
            }
        }

        return matrix;
    }

    private static double Multinomial(int[] counts, IReadOnlyList<double> p)
    {
        var logP = SpecialFunctions.FactorialLn(counts.Sum());
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0)
            {
                continue;
            }

            if (p[i] == 0)
            {
                return 0;
            }

            logP += counts[i] * Math.Log(p[i]) - SpecialFunctions.FactorialLn(counts[i]);
        }

        return Math.Exp(logP);
    }

    private static IEnumerable<int[]> Compositions(int total, int parts)
    {
        if (parts == 1)
        {
            yield return [total];
            yield break;
        }

        for (var first = total; first >= 0; first--)
        {
            foreach (var rest in Compositions(total - first, parts - 1))
            {
                yield return [first, .. rest];
            }
        }
    }
}
