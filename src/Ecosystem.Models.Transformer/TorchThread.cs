using System.Collections.Concurrent;

namespace Ecosystem.Models.Transformer;

/// <summary>The one long-lived thread on which this process runs its libtorch work: fitting, decoding, scoring, loading
/// and saving models.</summary>
/// <remarks>
/// libtorch's OpenMP runtime keeps a team of worker threads for every thread that starts a parallel region, for as long
/// as that thread lives. Once the process holds more such threads than cores, the runtime stops spinning between
/// parallel regions, and every region of every later step pays for waking its workers. Grain calls run on whichever
/// thread-pool thread is free, so after both vendors of the Nature protocol had decoded side by side on two of them,
/// fine-tuning ran about a quarter slower for the rest of the run (measured: 17,800 tokens/s before, 12,600 after, with
/// the same weights and data). On one thread there is one team, and libtorch parallelises each operation over the
/// cores as before; work from several callers waits its turn, which two CPU cores would impose anyway.
/// </remarks>
public static class TorchThread
{
    private static readonly BlockingCollection<Action> Queue = [];

    [ThreadStatic]
    private static bool _isTorchThread;

    static TorchThread()
    {
        var thread = new Thread(Serve) { IsBackground = true, Name = "libtorch" };
        thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on the libtorch thread and returns its result (or throws its exception);
    /// work already on that thread runs in place.</summary>
    public static T Run<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_isTorchThread)
        {
            return work();
        }

        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Add(() =>
        {
            try
            {
                completion.SetResult(work());
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        });
        return completion.Task.GetAwaiter().GetResult();
    }

    /// <summary>Runs <paramref name="work"/> on the libtorch thread (see <see cref="Run{T}(Func{T})"/>).</summary>
    public static void Run(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Run(() =>
        {
            work();
            return true;
        });
    }

    private static void Serve()
    {
        _isTorchThread = true;
        foreach (var work in Queue.GetConsumingEnumerable())
        {
            work();
        }
    }
}
