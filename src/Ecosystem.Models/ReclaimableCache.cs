using System.Collections.Concurrent;

namespace Ecosystem.Models;

/// <summary>Values that are pure functions of their key, built on first use and held only weakly, so the garbage
/// collector may take them back between uses and they are built again, identically, when next asked for.</summary>
/// <remarks>A fitted n-gram model keeps its samplers' tables here: they grow with every context a deployment visits
/// (hundreds of MB for a model of a web-scale crawl), and a generation kept for scoring, such as generation 0, would
/// otherwise hold the tables of every sampling it ever did.</remarks>
internal sealed class ReclaimableCache<TKey, TValue>
    where TKey : notnull
    where TValue : class
{
    private readonly ConcurrentDictionary<TKey, WeakReference<TValue>> _entries = new();

    /// <summary>The value of <paramref name="key"/>, built by <paramref name="build"/> when there is none or it was
    /// reclaimed.</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> build)
    {
        if (_entries.TryGetValue(key, out var reference) && reference.TryGetTarget(out var value))
        {
            return value;
        }

        value = build(key);
        _entries[key] = new WeakReference<TValue>(value);
        return value;
    }
}
