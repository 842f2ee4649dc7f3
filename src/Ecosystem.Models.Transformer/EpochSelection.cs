using static TorchSharp.torch;

namespace Ecosystem.Models.Transformer;

/// <summary>Keeps a copy of the weights of the epoch with the lowest validation loss so far, and puts them back in the
/// model when training ends: Shumailov et al. take, of each fine-tuning, the model that does best on the original
/// task's validation set.</summary>
internal sealed class EpochSelection(GptDecoder model) : IDisposable
{
    private readonly List<double> _losses = [];
    private Dictionary<string, Tensor>? _best;
    private double _bestLoss = double.PositiveInfinity;
    private int _bestEpoch;

    /// <summary>Validation loss after each epoch so far.</summary>
    public IReadOnlyList<double> Losses => _losses;

    /// <summary>Records epoch <paramref name="epoch"/>'s validation loss and copies its weights when it is the lowest
    /// so far (the earlier epoch wins a tie, so a selection never depends on rounding between equal losses).</summary>
    public void Score(int epoch, double loss)
    {
        _losses.Add(loss);
        if (!(loss < _bestLoss))
        {
            return;
        }

        _bestLoss = loss;
        _bestEpoch = epoch;
        using var noGrad = no_grad();
        var state = model.state_dict();
        if (_best is null)
        {
            // Detached copies outside every dispose scope: they must live until the end of training.
            _best = state.ToDictionary(p => p.Key, p => p.Value.detach().clone().DetachFromDisposeScope());
        }
        else
        {
            foreach (var (name, tensor) in state)
            {
                _best[name].copy_(tensor);
            }
        }
    }

    /// <summary>Loads the best epoch's weights into the model unless the last epoch was the best; returns that epoch.</summary>
    public int Restore()
    {
        if (_best is null)
        {
            return _losses.Count;
        }

        if (_bestEpoch != _losses.Count)
        {
            using var noGrad = no_grad();
            foreach (var (name, tensor) in model.state_dict())
            {
                tensor.copy_(_best[name]);
            }
        }

        return _bestEpoch;
    }

    public void Dispose()
    {
        if (_best is null)
        {
            return;
        }

        foreach (var tensor in _best.Values)
        {
            tensor.Dispose();
        }

        _best = null;
    }
}
