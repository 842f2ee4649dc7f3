using TorchSharp;
using static TorchSharp.torch;

namespace Ecosystem.Models.Transformer;

/// <summary>The keys and values one attention layer has seen while generating, limited to the context window.</summary>
/// <remarks>Once the window is full, a one-token step overwrites the oldest slot of a ring instead of concatenating and
/// cutting the whole cache: keys carry their rotary positions already and a new token attends to every cached one
/// without a mask, so the order of the slots does not matter. The tensors live outside any dispose scope (generation
/// steps run in their own scopes) and are released when replaced or when the cache is disposed, so memory stays flat
/// however long the continuation.</remarks>
internal sealed class LayerCache : IDisposable
{
    // Slots in use, and the slot the next one-token step writes once the ring is full (its oldest entry).
    private long _filled;
    private long _next;

    public Tensor? Keys { get; private set; }

    public Tensor? Values { get; private set; }

    /// <summary>Appends new keys and values (time is dimension 2), keeps the newest <paramref name="window"/> and
    /// returns what the new positions attend to.</summary>
    public (Tensor Keys, Tensor Values) Append(Tensor keys, Tensor values, int window)
    {
        if (Keys is null || Values is null || keys.shape[2] > 1)
        {
            return AppendInOrder(keys, values, window);
        }

        if (_filled < window)
        {
            // Slots 0 .. filled - 1 hold the positions in order; the ring starts turning once every slot is written.
            if (Keys.shape[2] < window)
            {
                Grow(window);
            }

            Keys.narrow(2, _filled, 1).copy_(keys);
            Values.narrow(2, _filled, 1).copy_(values);
            _filled++;
            _next = _filled % window;
            return (Keys.narrow(2, 0, _filled), Values.narrow(2, 0, _filled));
        }

        Keys.narrow(2, _next, 1).copy_(keys);
        Values.narrow(2, _next, 1).copy_(values);
        _next = (_next + 1) % window;
        return (Keys, Values);
    }

    /// <summary>Keeps only the rows (sequences) named by <paramref name="rows"/>, in that order (beam search).</summary>
    public void Reorder(Tensor rows)
    {
        if (Keys is not null && Values is not null)
        {
            Replace(Keys.index_select(0, rows), Values.index_select(0, rows));
        }
    }

    public void Dispose()
    {
        Keys?.Dispose();
        Values?.Dispose();
        Keys = null;
        Values = null;
        _filled = 0;
        _next = 0;
    }

    /// <summary>Several new positions at once (a prompt): they attend causally among themselves, so the cache is laid
    /// out oldest first before they are added.</summary>
    private (Tensor Keys, Tensor Values) AppendInOrder(Tensor keys, Tensor values, int window)
    {
        var (oldKeys, oldValues) = (Chronological(Keys), Chronological(Values));
        var allKeys = oldKeys is null ? keys : torch.cat([oldKeys, keys], 2);
        var allValues = oldValues is null ? values : torch.cat([oldValues, values], 2);
        var length = allKeys.shape[2];
        if (length > window)
        {
            allKeys = allKeys.narrow(2, length - window, window);
            allValues = allValues.narrow(2, length - window, window);
        }

        Replace(allKeys.contiguous(), allValues.contiguous());
        _filled = Keys!.shape[2];
        _next = _filled % window;
        return (Keys!, Values!);
    }

    private Tensor? Chronological(Tensor? ring)
    {
        if (ring is null || _next == 0 || _filled < ring.shape[2])
        {
            return ring?.narrow(2, 0, _filled);
        }

        return torch.cat([ring.narrow(2, _next, _filled - _next), ring.narrow(2, 0, _next)], 2);
    }

    /// <summary>Gives the ring its full window of slots, the filled ones first.</summary>
    private void Grow(int window)
    {
        var shape = Keys!.shape.ToArray();
        shape[2] = window;
        var keys = torch.zeros(shape, Keys.dtype, Keys.device);
        var values = torch.zeros(shape, Values!.dtype, Values.device);
        keys.narrow(2, 0, _filled).copy_(Keys.narrow(2, 0, _filled));
        values.narrow(2, 0, _filled).copy_(Values.narrow(2, 0, _filled));
        Replace(keys, values);
    }

    private void Replace(Tensor keys, Tensor values)
    {
        // Detach from the step's dispose scope before releasing the old tensors: the new ones may be views of them.
        keys = keys.DetachFromDisposeScope();
        values = values.DetachFromDisposeScope();
        var oldKeys = Keys;
        var oldValues = Values;
        Keys = keys;
        Values = values;
        if (!ReferenceEquals(oldKeys, keys))
        {
            oldKeys?.Dispose();
        }

        if (!ReferenceEquals(oldValues, values))
        {
            oldValues?.Dispose();
        }
    }
}
