using System.Globalization;
using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Reports.Tests;

/// <summary>Hand-made metric rows shaped like the simulator's output, with values chosen so tests can name them.</summary>
internal static class SyntheticRuns
{
    public const int TextTicks = 5;
    public const int Replicates = 50;
    public const int TheoryTicks = 10;
    public static readonly string[] Genres = ["fiction", "humor", "learned", "news", "science_fiction"];
    public static readonly double[] SyntheticShare = [0, 0.2, 0.45, 0.62, 0.78];
    public static readonly double[] BinEdges = [.. Enumerable.Range(0, 12).Select(i => 10 * Math.Pow(10, i / 4.0))];

    /// <summary>acme trains every tick (generation = tick); zenith every other tick. distinct-2 of acme falls
    /// 0.7123 → 0.4321, its held-out perplexity rises 210.4 → 390.2.</summary>
    public static List<MetricRow> Text()
    {
        var rows = new List<MetricRow>();
        for (var t = 0; t < TextTicks; t++)
        {
            void Corpus(string metric, double value, string label = "") => rows.Add(new MetricRow(t, 0, "", "", metric, label, value));
            Corpus("documents_total", 100 + (50 * t));
            Corpus("documents_human", 100 + (10 * t));
            Corpus("documents_synthetic", 40 * t);
            Corpus("synthetic_share_documents", SyntheticShare[t]);
            Corpus("synthetic_share_tokens", SyntheticShare[t] * 0.9);
            Corpus("published_synthetic_share", Math.Min(1, SyntheticShare[t] * 1.2));
            for (var n = 1; n <= 4; n++)
            {
                Corpus("distinct_" + n.ToString(CultureInfo.InvariantCulture), 0.2 * n - (0.02 * t));
            }

            Corpus("token_entropy_bits", 9.5 - (0.2 * t));
            Corpus("tail_mass", 0.3 - (0.04 * t));
            foreach (var (genre, i) in Genres.Select((g, i) => (g, i)))
            {
                Corpus("genre_share", 0.2, genre);
            }

            Vendor(rows, t, "acme", t, acme: true);
            Vendor(rows, t, "zenith", t / 2, acme: false);
        }

        return rows;
    }

    public static double AcmeDistinct2(int t) => t == TextTicks - 1 ? 0.4321 : 0.7123 - (0.07 * t);

    public static double AcmePerplexity(int t) => t == TextTicks - 1 ? 390.2 : 210.4 + (40 * t);

    private static void Vendor(List<MetricRow> rows, int t, string vendor, int generation, bool acme)
    {
        var g = generation.ToString(CultureInfo.InvariantCulture);
        void Add(string metric, double value, string label = "") => rows.Add(new MetricRow(t, 0, vendor, g, metric, label, value));
        Add("heldout_perplexity", acme ? AcmePerplexity(t) : 250 + (10 * generation));
        Add("distinct_1", 0.3 - (0.01 * t));
        Add("distinct_2", acme ? AcmeDistinct2(t) : 0.65 - (0.02 * t));
        Add("distinct_3", 0.8 - (0.05 * t));
        Add("distinct_4", 0.9 - (0.06 * t));
        Add("token_entropy_bits", (acme ? 9.2 : 9.0) - (0.3 * t));
        Add("vocabulary_size", 5000 - (400 * t));
        Add("tail_mass", 0.25 - (0.05 * t));
        Add("generated_perplexity_gen0", 120 - (15 * t));
        Add("training_documents", 100 + (40 * t));
        Add("training_synthetic_share", acme ? SyntheticShare[t] * 0.8 : SyntheticShare[t] * 0.5);
        var fromSelf = (acme ? 0.5 : 0.3) * SyntheticShare[t];
        var fromOther = (acme ? 0.3 : 0.2) * SyntheticShare[t];
        Add("training_source_share", 1 - fromSelf - fromOther, "human");
        Add("training_source_share", acme ? fromSelf : fromOther, "acme");
        Add("training_source_share", acme ? fromOther : fromSelf, "zenith");

        // Minority genres fade, the others share what is left.
        var minority = 0.1 * Math.Pow(0.4, t);
        var rest = 1 - (1.6 * minority);
        foreach (var genre in Genres)
        {
            var share = genre switch
            {
                "humor" => 0.6 * minority,
                "science_fiction" => minority,
                "fiction" => 0.4 * rest,
                "learned" => 0.35 * rest,
                _ => 0.25 * rest,
            };
            Add("genre_share", share, genre);
        }

        // A bump that narrows and moves to lower perplexity with each generation.
        var centre = 6 - (0.8 * generation);
        var width = 2.5 - (0.3 * generation);
        var weights = BinEdges.Select((_, i) => Math.Exp(-Math.Pow((i - centre) / width, 2))).ToArray();
        var total = weights.Sum();
        for (var i = 0; i < BinEdges.Length; i++)
        {
            Add("perplexity_histogram_gen0", weights[i] / total, BinEdges[i].ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Two gaussian vendors refitted on their own samples for <see cref="TheoryTicks"/> generations in
    /// <see cref="Replicates"/> worlds: "refit" collapses (its variance is multiplied by a random factor each step),
    /// "accumulate" keeps its variance near one.</summary>
    public static List<MetricRow> Gaussian()
    {
        var rows = new List<MetricRow>();
        var random = new Random(17);
        foreach (var (vendor, spread) in new[] { ("accumulate", 0.05), ("refit", 0.5) })
        {
            for (var r = 0; r < Replicates; r++)
            {
                double mean = 0, variance = 1;
                for (var t = 0; t < TheoryTicks; t++)
                {
                    var g = t.ToString(CultureInfo.InvariantCulture);
                    void Add(string metric, double value) => rows.Add(new MetricRow(t, r, vendor, g, metric, "", value));
                    Add("mean", mean);
                    Add("variance", variance);
                    Add("stddev", Math.Sqrt(variance));
                    Add("mean_error", mean);
                    Add("variance_ratio", variance);
                    Add("wasserstein_2", Math.Sqrt((mean * mean) + Math.Pow(Math.Sqrt(variance) - 1, 2)));
                    Add("kl_to_original", 0.5 * (variance + (mean * mean) - 1 - Math.Log(variance)));
                    mean += Math.Sqrt(variance) * (random.NextDouble() - 0.5) * spread;
                    variance *= Math.Exp((random.NextDouble() - 0.6) * spread);
                }
            }
        }

        return rows;
    }

    /// <summary>A categorical model over four categories in <see cref="Replicates"/> worlds; world r is absorbed in
    /// category r % 4 from tick r % 12 on (so never, for r % 12 ≥ <see cref="TheoryTicks"/>).</summary>
    public static List<MetricRow> Categorical()
    {
        var rows = new List<MetricRow>();
        for (var r = 0; r < Replicates; r++)
        {
            for (var t = 0; t < TheoryTicks; t++)
            {
                var g = t.ToString(CultureInfo.InvariantCulture);
                void Add(string metric, double value, string label = "") => rows.Add(new MetricRow(t, r, "dice", g, metric, label, value));
                var absorbed = t >= AbsorbedFrom(r);
                var support = absorbed ? 1 : 4 - Math.Min(2, t / 4);
                Add("support_size", support);
                Add("absorbed_state", absorbed ? r % 4 : -1);
                Add("entropy_bits", absorbed ? 0 : Math.Log2(support));
                Add("kl_to_original", absorbed ? Math.Log(4) : 0.05 * t);
                for (var c = 0; c < 4; c++)
                {
                    var p = absorbed ? (c == r % 4 ? 1 : 0) : 0.25;
                    Add("probability", p, c.ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        return rows;
    }

    public static int AbsorbedFrom(int replicate) => replicate % 12;
}
