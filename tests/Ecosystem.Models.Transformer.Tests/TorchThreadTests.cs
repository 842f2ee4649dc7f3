
namespace Ecosystem.Models.Transformer.Tests;

public sealed class TorchThreadTests
{
    [Fact]
    public async Task Work_from_several_threads_runs_on_one_thread_that_is_none_of_theirs()
    {
        var callers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            (Caller: Environment.CurrentManagedThreadId, Torch: TorchThread.Run(() => Environment.CurrentManagedThreadId)))));

        var torch = Assert.Single(callers.Select(c => c.Torch).Distinct());
        Assert.DoesNotContain(torch, callers.Select(c => c.Caller));
    }

    [Fact]
    public void Fitting_reports_its_progress_from_the_torch_thread()
    {
        var reporting = new List<int>();
        var progress = new SynchronousProgress<TrainingProgress>(_ => reporting.Add(Environment.CurrentManagedThreadId));
        var family = new TransformerFamily(TinyTransformer.Settings with { Epochs = 1 }, TinyTransformer.SourceVocabulary, progress);

        using var model = (TransformerModel)family.Fit(TinyTransformer.CountingDocuments(32, 8, seed: 2), new Random(1));

        Assert.NotEmpty(reporting);
        Assert.All(reporting, id => Assert.Equal(TorchThread.Run(() => Environment.CurrentManagedThreadId), id));
        Assert.NotEqual(Environment.CurrentManagedThreadId, reporting[0]);
    }

    [Fact]
    public void A_failure_reaches_the_caller_as_itself_and_the_thread_goes_on_working()
    {
        var failure = Assert.Throws<InvalidDataException>(() => TorchThread.Run<int>(() => throw new InvalidDataException("broken")));

        Assert.Equal("broken", failure.Message);
        Assert.Equal(42, TorchThread.Run(() => 42));
    }

    [Fact]
    public void Work_on_the_torch_thread_that_asks_for_it_again_runs_in_place()
    {
        var (outer, inner) = TorchThread.Run(() => (Environment.CurrentManagedThreadId, TorchThread.Run(() => Environment.CurrentManagedThreadId)));

        Assert.Equal(outer, inner);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
