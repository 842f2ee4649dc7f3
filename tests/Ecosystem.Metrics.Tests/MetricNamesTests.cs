using Ecosystem.Abstractions.Metrics;
using System.Text.RegularExpressions;

namespace Ecosystem.Metrics.Tests;

public class MetricNamesTests
{
    [Fact]
    public void AllNamesAreUniqueSnakeCase()
    {
        Assert.Equal(MetricNames.All.Count, MetricNames.All.Distinct().Count());
        Assert.All(MetricNames.All, n => Assert.Matches(new Regex("^[a-z][a-z0-9_]*$"), n));
        Assert.Equal(MetricNames.All.Order(StringComparer.Ordinal), MetricNames.All);
    }

    [Fact]
    public void DeclaresTheRequiredNames()
    {
        string[] required =
        [
            "synthetic_share_documents", "synthetic_share_tokens", "documents_total", "documents_human", "documents_synthetic",
            "distinct_1", "distinct_2", "distinct_3", "distinct_4", "token_entropy_bits", "vocabulary_size", "tail_mass",
            "genre_share", "heldout_perplexity", "generated_perplexity_gen0", "perplexity_histogram_gen0",
            "training_documents", "training_synthetic_share", "mean", "variance", "mean_error", "wasserstein_2",
            "kl_to_original", "absorbed_state", "support_size",
        ];
        Assert.Subset(MetricNames.All.ToHashSet(), required.ToHashSet());
    }

    [Fact]
    public void DistinctNameForN()
    {
        Assert.Equal(MetricNames.Distinct3, MetricNames.Distinct(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => MetricNames.Distinct(5));
    }
}
