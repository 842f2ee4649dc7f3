using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Reports.Tests;

public sealed class RunPlotsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void TextRunWritesTheTextPlots()
    {
        var written = RunPlots.WriteAll(SyntheticRuns.Text(), _directory.Path);

        Assert.Equal(
            [
                "synthetic_share", "distinct_2", "distinct_n", "token_entropy", "tail_mass", "heldout_perplexity",
                "generated_perplexity_gen0", "perplexity_histogram_gen0_acme", "perplexity_histogram_gen0_zenith",
                "genre_shares_acme", "genre_shares_zenith", "genre_shares_corpus", "who_trained_on_whom",
            ],
            Names(written));
        AssertAllValid(written);
    }

    [Fact]
    public void GaussianRunWritesTheReplicatePlots()
    {
        var written = RunPlots.WriteAll(SyntheticRuns.Gaussian(), _directory.Path);

        Assert.Equal(["theory_variance", "theory_mean_error_squared", "theory_wasserstein_2", "theory_kl_to_original"], Names(written));
        AssertAllValid(written);
    }

    [Fact]
    public void A_run_with_theory_rows_gets_a_closed_form_plot_per_quantity_and_a_theory_table()
    {
        MetricRow[] theory =
        [
            .. Enumerable.Range(0, 4).SelectMany(t => new MetricRow[]
            {
                new(t, 0, "refit", t.ToString(System.Globalization.CultureInfo.InvariantCulture), MetricNames.TheorySimulated, "mean_error_squared", 0.01 * (t + 1.1)),
                new(t, 0, "refit", t.ToString(System.Globalization.CultureInfo.InvariantCulture), MetricNames.TheoryExpected, "mean_error_squared", 0.01 * (t + 1)),
                new(t, 0, "refit", t.ToString(System.Globalization.CultureInfo.InvariantCulture), MetricNames.TheoryStandardError, "mean_error_squared", 0.002),
                new(t, 0, "refit", t.ToString(System.Globalization.CultureInfo.InvariantCulture), MetricNames.TheoryZ, "mean_error_squared", t == 2 ? -4.5 : 0.5),
            }),
        ];
        var written = RunPlots.WriteAll([.. SyntheticRuns.Gaussian(), .. theory], _directory.Path);

        Assert.Equal(["theory_variance", "theory_mean_error_squared", "theory_wasserstein_2", "theory_kl_to_original", "theory_closed_form_refit_mean_error_squared"],
            Names(written));
        AssertAllValid(written);

        var table = TheoryTable.From(theory).ToPlainText();
        Assert.Contains("mean_error_squared", table);
        Assert.Contains("0.041", table);
        Assert.Contains("-4.50 (2)", table);
        Assert.True(TheoryTable.From(SyntheticRuns.Gaussian()).IsEmpty);
    }

    [Fact]
    public void CategoricalRunWritesAbsorptionAndSupportPlots()
    {
        var written = RunPlots.WriteAll(SyntheticRuns.Categorical(), _directory.Path);

        Assert.Equal(["theory_kl_to_original", "theory_entropy", "theory_support_size", "absorbed_states_dice"], Names(written));
        AssertAllValid(written);
    }

    [Fact]
    public void Genre_shares_of_several_worlds_also_get_the_survival_plot()
    {
        // Three worlds, three ticks: science fiction dies out in two of them, learned stays everywhere.
        var rows = new List<Ecosystem.Abstractions.Metrics.MetricRow>();
        for (var tick = 0; tick < 3; tick++)
        {
            for (var world = 0; world < 3; world++)
            {
                var fiction = tick > world ? 0 : 0.1;
                rows.Add(new(tick, world, "loop", $"{tick}", Ecosystem.Abstractions.Metrics.MetricNames.GenreShare, "science_fiction", fiction));
                rows.Add(new(tick, world, "loop", $"{tick}", Ecosystem.Abstractions.Metrics.MetricNames.GenreShare, "learned", 1 - fiction));
            }
        }

        var written = RunPlots.WriteAll(rows, _directory.Path);
        var single = RunPlots.WriteAll([.. rows.Where(r => r.Replicate == 0)], Path.Combine(_directory.Path, "one-world"));

        Assert.Equal(["genre_shares_loop", "genre_survival_loop"], Names(written));
        Assert.Equal(["genre_shares_loop"], Names(single));
        AssertAllValid(written);
    }

    [Fact]
    public void SinglePlotsHaveTheStandardSize()
    {
        var written = RunPlots.WriteAll(SyntheticRuns.Text(), _directory.Path);

        var size = Png.AssertValid(written.Single(p => Path.GetFileName(p) == "heldout_perplexity.png"));
        Assert.Equal((900, 540), size);
    }

    [Fact]
    public void A_living_population_gets_its_plot()
    {
        var rows = Enumerable.Range(0, 4).SelectMany(t => new MetricRow[]
        {
            new(t, 0, "", "", "human_documents_published", "", 400 - (50 * t)),
            new(t, 0, "", "", "assisted_share", "", 0.1 * t),
            new(t, 0, "", "", "authors_active", "", 100 + (10 * t)),
        }).ToList();

        var written = RunPlots.WriteAll(rows, _directory.Path);

        Assert.Equal(["human_population"], Names(written));
        AssertAllValid(written);
    }

    [Fact]
    public void PlotsWhoseMetricsAreMissingAreSkipped()
    {
        var rows = SyntheticRuns.Text().Where(r => r.Metric is "heldout_perplexity" or "synthetic_share_documents").ToList();

        var written = RunPlots.WriteAll(rows, _directory.Path);

        Assert.Equal(["synthetic_share", "heldout_perplexity"], Names(written));
        Assert.Equal(2, Directory.GetFiles(_directory.Path).Length);
    }

    [Fact]
    public void NoRowsWriteNothing()
    {
        var written = RunPlots.WriteAll([], Path.Combine(_directory.Path, "empty"));

        Assert.Empty(written);
        Assert.Empty(Directory.GetFiles(Path.Combine(_directory.Path, "empty")));
    }

    [Fact]
    public void UnknownMetricsAndPerComponentRowsAreIgnored()
    {
        List<MetricRow> rows =
        [
            new(0, 0, "mix", "0", "weight", "0", 0.5),
            new(0, 0, "mix", "0", "variance", "0", 1.0),
            new(0, 0, "", "", "something_new", "", 3),
        ];

        Assert.Empty(RunPlots.WriteAll(rows, _directory.Path));
    }

    [Fact]
    public void SingleTickAndSingleReplicateStillPlot()
    {
        List<MetricRow> rows =
        [
            new(0, 0, "solo", "0", "variance", "", 1.0),
            new(0, 0, "solo", "0", "heldout_perplexity", "", 100),
            new(0, 0, "solo", "0", "perplexity_histogram_gen0", "10", 1.0),
        ];

        var written = RunPlots.WriteAll(rows, _directory.Path);

        Assert.Equal(["heldout_perplexity", "perplexity_histogram_gen0_solo", "theory_variance"], Names(written));
        AssertAllValid(written);
    }

    [Fact]
    public void VendorNamesAreMadeSafeForFileNames()
    {
        List<MetricRow> rows =
        [
            new(0, 0, "a/b", "0", "perplexity_histogram_gen0", "10", 1.0),
            new(0, 0, "a:b", "0", "perplexity_histogram_gen0", "10", 1.0),
        ];

        var written = RunPlots.WriteAll(rows, _directory.Path);

        Assert.Equal(["perplexity_histogram_gen0_a_b", "perplexity_histogram_gen0_a_b_2"], Names(written));
        Assert.All(written, p => Assert.Equal(_directory.Path, Path.GetDirectoryName(p)));
    }

    [Fact]
    public void OutputIsDeterministic()
    {
        var rows = SyntheticRuns.Text().Concat(SyntheticRuns.Categorical()).ToList();
        var first = RunPlots.WriteAll(rows, Path.Combine(_directory.Path, "a"));
        var second = RunPlots.WriteAll(rows.AsEnumerable().Reverse().ToList(), Path.Combine(_directory.Path, "b"));

        Assert.Equal(Names(first), Names(second));
        for (var i = 0; i < first.Count; i++)
        {
            Assert.True(File.ReadAllBytes(first[i]).AsSpan().SequenceEqual(File.ReadAllBytes(second[i])), Names(first)[i] + " differs");
        }
    }

    private static List<string> Names(IReadOnlyList<string> paths) => [.. paths.Select(Path.GetFileNameWithoutExtension).Select(n => n!)];

    private static void AssertAllValid(IReadOnlyList<string> paths)
    {
        Assert.All(paths, p => Png.AssertValid(p));
    }
}
