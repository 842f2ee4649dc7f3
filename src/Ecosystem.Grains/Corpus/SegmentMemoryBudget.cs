using Microsoft.Extensions.Options;

namespace Ecosystem.Grains.Corpus;

/// <summary>The silo's budget of sealed segments on the heap, shared by all its shards: the segments used longest ago
/// are dropped first when a new one would exceed it (the newest, which crawls read most, stay).</summary>
public sealed class SegmentMemoryBudget(IOptions<SegmentMemoryOptions> options)
{
    private readonly long _limit = (long)options.Value.MemoryMegabytes << 20;
    private readonly LinkedList<(SealedSegment Segment, long Bytes)> _recency = [];
    private readonly Dictionary<SealedSegment, LinkedListNode<(SealedSegment, long)>> _nodes = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _lock = new();
    private long _held;

    /// <summary>Bytes of segments held now.</summary>
    public long HeldBytes
    {
        get
        {
            lock (_lock)
            {
                return _held;
            }
        }
    }

    /// <summary>Number of segments dropped from memory so far.</summary>
    public long Dropped { get; private set; }

    /// <summary>Holds <paramref name="columns"/> for <paramref name="segment"/> as the most recently used, dropping the
    /// least recently used segments beyond the budget.</summary>
    public void Hold(SealedSegment segment, Segments.ColumnarSegment columns)
    {
        segment.Hold(columns);
        lock (_lock)
        {
            Forget(segment);
            _nodes[segment] = _recency.AddLast((segment, columns.MemoryBytes));
            _held += columns.MemoryBytes;
            while (_held > _limit && _recency.First is { } oldest && oldest.Value.Segment != segment)
            {
                Forget(oldest.Value.Segment);
                oldest.Value.Segment.Drop();
                Dropped++;
            }
        }
    }

    /// <summary>Marks <paramref name="segment"/> as just used.</summary>
    public void Touch(SealedSegment segment)
    {
        lock (_lock)
        {
            if (_nodes.TryGetValue(segment, out var node))
            {
                _recency.Remove(node);
                _recency.AddLast(node);
            }
        }
    }

    /// <summary>Drops <paramref name="segment"/> from memory and from the budget (its run is over or its tick is run again).</summary>
    public void Release(SealedSegment segment)
    {
        lock (_lock)
        {
            Forget(segment);
        }

        segment.Drop();
    }

    private void Forget(SealedSegment segment)
    {
        if (_nodes.Remove(segment, out var node))
        {
            _recency.Remove(node);
            _held -= node.Value.Item2;
        }
    }
}
