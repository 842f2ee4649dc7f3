using TorchSharp;
using static TorchSharp.torch;

namespace Ecosystem.Models.Transformer;

/// <summary>The keys and values one attention layer has seen while generating, limited to the context window.</summary>
/// <remarks>The tensors live outside any dispose scope (generation steps run in their own scopes) and are released
/// when replaced or when the cache is disposed, so memory stays flat however long the continuation.</remarks>
internal sealed class LayerCache : IDisposable
{
    public Tensor? Keys { get; private set; }

    public Tensor? Values { get; private set; }

    /// <summary>Appends new keys and values (time is dimension 2) and keeps the newest <paramref name="window"/>.</summary>
    public (Tensor Keys, Tensor Values) Append(Tensor keys, Tensor values, int window)
    {
        var allKeys = Keys is null ? keys : torch.cat([Keys, keys], 2);
        var allValues = Values is null ? values : torch.cat([Values, values], 2);
        var length = allKeys.shape[2];
        if (length > window)
        {
            allKeys = allKeys.narrow(2, length - window, window);
            allValues = allValues.narrow(2, length - window, window);
        }

        Replace(allKeys.contiguous(), allValues.contiguous());
        return (Keys!, Values!);
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
