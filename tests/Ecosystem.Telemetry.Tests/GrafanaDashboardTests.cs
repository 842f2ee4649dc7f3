using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ecosystem.Abstractions.Telemetry;

namespace Ecosystem.Telemetry.Tests;

/// <summary>The Grafana dashboard and its provisioning (deploy/grafana): well-formed, every query valid PromQL for
/// Prometheus' own checker, and every Ecosystem metric and label it names one the silos export.</summary>
public class GrafanaDashboardTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "grafana");

    /// <summary>Grafana variables the queries may use, with values that make them plain PromQL for promtool.</summary>
    private static readonly Dictionary<string, string> Variables = new()
    {
        ["$run"] = "some-run", ["$vendor"] = ".+", ["$replicate"] = ".*", ["$__rate_interval"] = "1m",
    };

    private static JsonElement Dashboard()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "dashboards", "ecosystem.json")));
        return document.RootElement.Clone();
    }

    private static List<JsonElement> Panels() => Dashboard().GetProperty("panels").EnumerateArray().ToList();

    private static List<string> Queries() =>
        Panels().Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString()!))
            .ToList();

    private static List<string> VariableQueries() =>
        Dashboard().GetProperty("templating").GetProperty("list").EnumerateArray()
            .Where(v => v.GetProperty("type").GetString() == "query")
            .Select(v => v.GetProperty("definition").GetString()!)
            .ToList();

    [Fact]
    public void The_dashboard_has_an_id_unique_panel_ids_and_a_layout_within_24_columns()
    {
        var dashboard = Dashboard();
        var panels = Panels();

        Assert.Equal("ecosystem-corpus-health", dashboard.GetProperty("uid").GetString());
        Assert.False(string.IsNullOrWhiteSpace(dashboard.GetProperty("title").GetString()));
        Assert.True(dashboard.GetProperty("schemaVersion").GetInt32() >= 36);
        Assert.True(panels.Count >= 10);
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
        Assert.All(panels, p =>
        {
            var grid = p.GetProperty("gridPos");
            Assert.InRange(grid.GetProperty("x").GetInt32() + grid.GetProperty("w").GetInt32(), 1, 24);
            Assert.True(grid.GetProperty("h").GetInt32() > 0);
        });
        var cells = panels.Select(p => p.GetProperty("gridPos")).Select(g => (X: g.GetProperty("x").GetInt32(), Y: g.GetProperty("y").GetInt32(),
            W: g.GetProperty("w").GetInt32(), H: g.GetProperty("h").GetInt32())).ToList();
        for (var i = 0; i < cells.Count; i++)
        {
            for (var j = i + 1; j < cells.Count; j++)
            {
                var (a, b) = (cells[i], cells[j]);
                var overlap = a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;
                Assert.False(overlap, $"panels {i} and {j} overlap");
            }
        }
    }

    [Fact]
    public void Every_query_reads_the_chosen_data_source_and_uses_only_defined_variables()
    {
        var defined = Dashboard().GetProperty("templating").GetProperty("list").EnumerateArray()
            .Select(v => "$" + v.GetProperty("name").GetString()).Append("$__rate_interval").ToHashSet();

        foreach (var panel in Panels().Where(p => p.GetProperty("type").GetString() != "row"))
        {
            Assert.Equal("${datasource}", panel.GetProperty("datasource").GetProperty("uid").GetString());
            Assert.All(panel.GetProperty("targets").EnumerateArray(), t =>
                Assert.Equal("${datasource}", t.GetProperty("datasource").GetProperty("uid").GetString()));
        }

        Assert.All(Queries().Concat(VariableQueries()), q =>
            Assert.All(Regex.Matches(q, @"\$[a-z_]+").Select(m => m.Value), v => Assert.Contains(v, defined)));
    }

    [Fact]
    public void Every_ecosystem_metric_and_label_in_a_query_is_one_the_silos_export()
    {
        var metrics = MetricInstruments.All.Append(MetricInstruments.CompletedTicks).Select(PrometheusNaming.Metric).ToHashSet();
        var labels = typeof(TelemetryAttributes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => PrometheusNaming.Label((string)f.GetRawConstantValue()!)).ToHashSet();
        var legends = Panels().Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("legendFormat").GetString()!));

        foreach (var query in Queries().Concat(VariableQueries()))
        {
            foreach (Match name in Regex.Matches(query, @"\b(ecosystem_[a-z0-9_]+)\b(\s*(=~|!=|!~|=))?"))
            {
                var isLabel = name.Groups[2].Success || Regex.IsMatch(query, $@"(by|label_values)\s*\([^)]*\b{name.Groups[1].Value}\b[^(]*\)")
                              && !metrics.Contains(name.Groups[1].Value);
                Assert.True(isLabel ? labels.Contains(name.Groups[1].Value) : metrics.Contains(name.Groups[1].Value),
                    $"'{name.Groups[1].Value}' in {query} is not an exported {(isLabel ? "label" : "metric")}");
            }
        }

        Assert.All(legends.SelectMany(l => Regex.Matches(l, @"\{\{(ecosystem_[a-z0-9_]+)\}\}").Select(m => m.Groups[1].Value)),
            label => Assert.Contains(label, labels));
        Assert.Contains(Queries(), q => q.Contains("ecosystem_corpus_synthetic_share{", StringComparison.Ordinal));
        Assert.Contains(Queries(), q => q.Contains("ecosystem_model_heldout_perplexity{", StringComparison.Ordinal));
        Assert.Contains(Queries(), q => q.Contains("orleans_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_query_is_valid_promql_for_promtool()
    {
        var promtool = new[] { "/usr/bin/promtool", "/usr/local/bin/promtool" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("promtool is not installed; run scripts/install-test-deps.sh (Debian package prometheus).");
        using var folder = new TempDirectory();
        var rules = Queries().Select((q, i) =>
            $"      - record: dashboard_query_{i}\n        expr: {JsonSerializer.Serialize(Variables.Aggregate(q, (s, v) => s.Replace(v.Key, v.Value, StringComparison.Ordinal)))}");
        var path = Path.Combine(folder.Path, "dashboard-queries.yml");
        await File.WriteAllTextAsync(path, "groups:\n  - name: dashboard\n    rules:\n" + string.Join("\n", rules) + "\n");

        var info = new ProcessStartInfo(promtool) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("check");
        info.ArgumentList.Add("rules");
        info.ArgumentList.Add(path);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, output);
        Assert.Contains($"{Queries().Count} rules found", output);
    }

    [Fact]
    public void Provisioning_loads_the_dashboards_from_where_the_readme_mounts_them_with_a_prometheus_data_source()
    {
        var datasource = File.ReadAllText(Path.Combine(Folder, "provisioning", "datasources", "prometheus.yml"));
        var provider = File.ReadAllText(Path.Combine(Folder, "provisioning", "dashboards", "ecosystem.yml"));
        var readme = File.ReadAllText(Path.Combine(Folder, "README.md"));

        Assert.Matches(new Regex(@"^apiVersion: 1$", RegexOptions.Multiline), datasource);
        Assert.Matches(new Regex(@"^\s+type: prometheus$", RegexOptions.Multiline), datasource);
        Assert.Matches(new Regex(@"^\s+type: file$", RegexOptions.Multiline), provider);
        var path = Regex.Match(provider, @"^\s+path: (\S+)$", RegexOptions.Multiline).Groups[1].Value;
        Assert.StartsWith("/", path);
        Assert.Contains($"./deploy/grafana/dashboards:{path}", readme);
        Assert.Contains("./deploy/grafana/provisioning:/etc/grafana/provisioning", readme);
    }
}
