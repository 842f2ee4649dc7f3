namespace Ecosystem.Grains.Corpus;

/// <summary>Lets as many shards of a silo seal a tick at once as the silo has cores. Sealing builds a segment's columns
/// and its Arrow file in memory; sixteen shards sealing a pre-AI web of millions of documents together would hold all
/// their files at once, for no gain in speed on cores that are all busy.</summary>
public sealed class SealGate : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount);

    /// <summary>Waits for a slot; dispose the result to give it back.</summary>
    public async Task<IDisposable> EnterAsync()
    {
        await _slots.WaitAsync();
        return new Slot(_slots);
    }

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
