using Ecosystem.Benchmarks.Results;

namespace Ecosystem.Benchmarks.Tests;

public class ResultsDocumentTests
{
    [Fact]
    public void Rerunning_a_suite_replaces_its_figures_and_keeps_the_other_suites()
    {
        var document = ResultsDocument.Empty
            .With(Samples.Run("engine"), [Samples.Result("engine", "a", "x", 1), Samples.Result("engine", "b", "x", 2)])
            .With(Samples.Run("ngram"), [Samples.Result("ngram", "c", "y", 3)]);

        var rerun = document.With(Samples.Run("engine", day: 2), [Samples.Result("engine", "a", "x", 10)]);

        Assert.Equal(["engine", "ngram"], rerun.Runs.Select(r => r.Suite));
        Assert.Equal(2, rerun.Runs[0].Date.Day);
        Assert.Equal([Samples.Result("engine", "a", "x", 10)], rerun.Of("engine"));
        Assert.Equal([Samples.Result("ngram", "c", "y", 3)], rerun.Of("ngram"));
    }

    [Fact]
    public void A_new_suite_is_added_after_the_recorded_ones()
    {
        var document = ResultsDocument.Empty
            .With(Samples.Run("ngram"), [Samples.Result("ngram", "c", "y", 3)])
            .With(Samples.Run("transformer"), [Samples.Result("transformer", "d", "z", 4)]);

        Assert.Equal(["ngram", "transformer"], document.Runs.Select(r => r.Suite));
        Assert.Equal(["ngram", "transformer"], document.Results.Select(r => r.Suite));
    }

    [Fact]
    public void Figures_of_another_suite_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ResultsDocument.Empty.With(Samples.Run("engine"), [Samples.Result("ngram", "c", "y", 3)]));
    }
}
