using System.Reflection;
using System.Text.RegularExpressions;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Telemetry;

namespace Ecosystem.Telemetry.Tests;

/// <summary>The mapping from metric names to instruments: complete, and named the OpenTelemetry way.</summary>
public class MetricInstrumentsTests
{
    private static IEnumerable<MetricInstrument> Everything => MetricInstruments.All.Append(MetricInstruments.CompletedTicks);

    [Fact]
    public void Every_declared_metric_name_has_exactly_one_instrument()
    {
        Assert.All(MetricNames.All, name => Assert.True(MetricInstruments.IsDeclared(name), $"'{name}' has no instrument"));
        Assert.Equal(MetricInstruments.All.Count, MetricInstruments.All.Select(i => i.Metric).Distinct().Count());
        Assert.All(MetricInstruments.All, i => Assert.Contains(i.Metric, MetricNames.All));
    }

    [Fact]
    public void Instrument_names_are_unique_lowercase_dot_namespaced_and_no_name_is_also_a_namespace()
    {
        var names = Everything.Select(i => i.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches(new Regex(@"^ecosystem(\.[a-z][a-z0-9_]*)+$"), n));
        Assert.All(names, n => Assert.DoesNotContain(names, other => other.StartsWith(n + ".", StringComparison.Ordinal)));
    }

    [Fact]
    public void Units_are_ucum_dimensionless_bits_count_annotations_or_rates()
    {
        Assert.All(Everything, i => Assert.Matches(new Regex(@"^(1|bit|\{[a-z]+\}|\{[a-z]+\}/s)$"), i.Unit));
        Assert.Equal("1", MetricInstruments.For(MetricNames.SyntheticShareDocuments).Unit);
        Assert.Equal("{document}", MetricInstruments.For(MetricNames.DocumentsTotal).Unit);
    }

    [Fact]
    public void Label_attributes_are_declared_attribute_keys_and_name_what_the_label_is()
    {
        var keys = typeof(TelemetryAttributes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.All(Everything, i => Assert.Contains(i.LabelAttribute, keys));
        Assert.Equal(TelemetryAttributes.Genre, MetricInstruments.For(MetricNames.GenreShare).LabelAttribute);
        Assert.Equal(TelemetryAttributes.HistogramBin, MetricInstruments.For(MetricNames.PerplexityHistogramGen0).LabelAttribute);
        Assert.Equal(TelemetryAttributes.Category, MetricInstruments.For(MetricNames.Probability).LabelAttribute);
    }

    [Fact]
    public void The_corpus_synthetic_share_is_ecosystem_corpus_synthetic_share()
    {
        Assert.Equal("ecosystem.corpus.synthetic_share", MetricInstruments.For(MetricNames.SyntheticShareDocuments).Name);
    }

    [Fact]
    public void An_undeclared_statistic_is_exported_under_the_model_namespace()
    {
        var instrument = MetricInstruments.For("perplexity_gap");

        Assert.False(MetricInstruments.IsDeclared("perplexity_gap"));
        Assert.Equal("ecosystem.model.perplexity_gap", instrument.Name);
        Assert.Equal(TelemetryAttributes.Label, instrument.LabelAttribute);
    }

    [Fact]
    public void The_telemetry_doc_lists_every_instrument_with_its_unit_prometheus_name_and_label_attribute()
    {
        var doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "telemetry.md"));

        Assert.All(MetricInstruments.All, i =>
        {
            var label = i.LabelAttribute == TelemetryAttributes.Label ? "" : $"`{i.LabelAttribute}`";
            Assert.Contains($"| `{i.Metric}` | `{i.Name}` | `{i.Unit}` | `{PrometheusNaming.Metric(i)}` | {label} |", doc);
        });
    }
}
