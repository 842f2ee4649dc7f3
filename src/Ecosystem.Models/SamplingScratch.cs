namespace Ecosystem.Models;

/// <summary>Reusable buffers for one tempered sampling step: the set S of tokens seen after the context, in first-seen
/// order (which is deterministic: orders ascending, followers ascending), and their weights.</summary>
internal sealed class SamplingScratch
{
    private readonly HashSet<int> _set = [];

    public List<int> Tokens { get; } = [];

    public List<double> Weights { get; } = [];

    public void Reset()
    {
        _set.Clear();
        Tokens.Clear();
        Weights.Clear();
    }

    public void Add(int token)
    {
        if (_set.Add(token))
        {
            Tokens.Add(token);
        }
    }

    public bool Contains(int token) => _set.Contains(token);
}
