namespace Ecosystem.Deployment.Tests;

/// <summary>The compose stack's Prometheus and collector configurations.</summary>
public class PrometheusConfigTests
{
    [Fact]
    public void Promtool_accepts_the_prometheus_configuration()
    {
        var result = Tool.Run("promtool", new Dictionary<string, string?>(), "check", "config", "deploy/prometheus/prometheus.yml");

        Assert.True(result.ExitCode == 0, $"promtool check config failed ({result.ExitCode}):\n{result.Output}{result.Error}");
        Assert.Contains("SUCCESS", result.Output + result.Error);
    }

    [Fact]
    public void Every_collector_pipeline_uses_only_components_the_collector_defines()
    {
        var config = Yaml.ParseFile(RepositoryRoot.File("deploy/otel-collector/config.yaml"));
        var pipelines = config.Map("service").Map("pipelines");

        Assert.Equal(["logs", "metrics", "traces"], pipelines.Keys.Cast<string>().Order());
        foreach (var (name, pipeline) in pipelines.Select(p => ((string)p.Key, (Dictionary<object, object>)p.Value)))
        {
            foreach (var section in new[] { "receivers", "processors", "exporters" })
            {
                var defined = config.Map(section).Keys.Cast<string>().ToHashSet();
                Assert.All(pipeline.Strings(section), c => Assert.True(defined.Contains(c), $"pipeline {name} uses {section} '{c}', which is not defined"));
            }

            Assert.NotEmpty(pipeline.Strings("receivers"));
            Assert.NotEmpty(pipeline.Strings("exporters"));
        }

        // In a container the receiver must listen on the container's interfaces, not on its loopback (the default).
        var protocols = config.Map("receivers").Map("otlp").Map("protocols");
        Assert.Equal("0.0.0.0:4317", protocols.Map("grpc").Text("endpoint"));
        Assert.Equal("0.0.0.0:4318", protocols.Map("http").Text("endpoint"));
    }
}
