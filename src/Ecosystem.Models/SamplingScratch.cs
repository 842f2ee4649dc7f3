namespace Ecosystem.Models;

/// <summary>Reusable buffers for one tempered sampling step: the set S of tokens seen after the context, in first-seen
/// order (deterministic: orders descending, followers ascending), the interpolated mass A(w) each has collected, and
/// their weights. Dense arrays with a generation stamp make membership and reset O(|S|).</summary>
internal sealed class SamplingScratch(int vocabularySize)
{
    private readonly int[] _stamp = new int[vocabularySize];
    private readonly double[] _mass = new double[vocabularySize];
    private int _current = 1;

    public List<int> Tokens { get; } = [];

    public List<double> Weights { get; } = [];

    public void Reset()
    {
        _current++;
        Tokens.Clear();
        Weights.Clear();
    }

    /// <summary>Adds <paramref name="mass"/> to token <paramref name="token"/>'s A(w), adding it to S on first sight.</summary>
    public void Add(int token, double mass)
    {
        if (_stamp[token] != _current)
        {
            _stamp[token] = _current;
            _mass[token] = 0;
            Tokens.Add(token);
        }

        _mass[token] += mass;
    }

    public double MassOf(int token) => _mass[token];

    public bool Contains(int token) => _stamp[token] == _current;
}
