namespace Ecosystem.Deployment.Tests;

/// <summary>docker-compose.yml, validated by docker-compose itself and checked on the resolved result: the stack the
/// README describes, silos that scale, nothing published beyond this machine, and every file it mounts present.</summary>
public class DockerComposeTests
{
    private static readonly string[] StackServices = ["redis", "azurite", "silo", "dashboard", "otel-collector", "prometheus", "grafana"];

    [Fact]
    public void The_stack_has_redis_azurite_silos_the_dashboard_a_collector_prometheus_and_grafana()
    {
        var stack = ComposeStack.Default();

        Assert.Equal(StackServices.Order(), stack.Services.Keys.Cast<string>().Order());
    }

    [Fact]
    public void Silos_scale_they_have_no_fixed_name_and_publish_no_host_port()
    {
        var silo = ComposeStack.Default().Service("silo");

        Assert.False(silo.ContainsKey("container_name"), "a fixed container name allows one replica only");
        Assert.Empty(silo.List("ports"));
        Assert.True(int.Parse(silo.Text("scale") ?? "1") >= 2, "the default stack should run several silos");
    }

    [Fact]
    public void Ports_are_published_on_the_loopback_interface_only()
    {
        var stack = ComposeStack.Default();

        var published = StackServices.SelectMany(s => stack.Ports(s).Select(p => (Service: s, p.HostAddress, p.HostPort))).ToList();

        Assert.Equal(["dashboard", "grafana", "prometheus"], published.Select(p => p.Service).Distinct().Order());
        Assert.All(published, p => Assert.True(p.HostAddress == "127.0.0.1", $"{p.Service} publishes {p.HostPort} on {p.HostAddress ?? "every interface"}"));
        Assert.All(StackServices, s => Assert.False(stack.Service(s).Text("network_mode") == "host", $"{s} uses the host's network"));
    }

    [Fact]
    public void Silos_and_dashboard_are_configured_for_the_redis_cluster_the_object_store_and_the_collector()
    {
        var stack = ComposeStack.Default();
        var collector = Yaml.ParseFile(RepositoryRoot.File("deploy/otel-collector/config.yaml"));
        var grpc = collector.Map("receivers").Map("otlp").Map("protocols").Map("grpc").Text("endpoint")!;

        foreach (var service in new[] { "silo", "dashboard" })
        {
            var environment = stack.Environment(service);
            Assert.Equal("redis", environment["Cluster__Mode"]);
            Assert.Equal($"redis:{Port(stack, "redis", 6379)}", environment["Cluster__RedisConnectionString"]);
            Assert.Equal($"http://otel-collector:{grpc.Split(':')[^1]}", environment["Telemetry__OtlpEndpoint"]);
            // The dashboard can serve the Orleans dashboard only if every silo carries its grains.
            Assert.Equal("true", environment["Cluster__OrleansDashboard"]);
            Assert.Equal("azure", environment["Storage__Kind"]);
            Assert.False(environment.ContainsKey("Storage__BlobDirectory"), $"{service} still names a blob folder");
            Assert.DoesNotContain(stack.Volumes(service), v => v.Target.Contains("blobs", StringComparison.Ordinal));
        }

        Assert.Equal("*", stack.Environment("silo")["Telemetry__MetricsHost"]);
        Assert.DoesNotContain(stack.Config.Map("volumes").Keys.Cast<string>(), v => v == "blobs");
    }

    [Fact]
    public void The_object_store_is_azurite_on_the_compose_network_keeping_its_data_in_a_volume()
    {
        var stack = ComposeStack.Default();
        var azurite = stack.Service("azurite");
        var command = azurite.Strings("command").ToList();
        var settings = stack.Environment("silo")["Storage__AzureConnectionString"].Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var endpoint = new Uri(settings["BlobEndpoint"]);

        Assert.StartsWith("mcr.microsoft.com/azure-storage/azurite", azurite.Text("image"));
        Assert.Equal("azurite-blob", command[0]);
        Assert.Equal("0.0.0.0", command[command.IndexOf("--blobHost") + 1]);
        Assert.Equal("azurite", endpoint.Host);
        Assert.Equal(command[command.IndexOf("--blobPort") + 1], endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"/{settings["AccountName"]}", endpoint.AbsolutePath);
        Assert.Matches("^[a-z0-9](-?[a-z0-9]){2,62}$", stack.Environment("silo")["Storage__AzureContainer"]);
        var data = Assert.Single(stack.Volumes("azurite"));
        Assert.Equal(command[command.IndexOf("--location") + 1], data.Target);
        Assert.DoesNotContain('/', data.Source);
        Assert.Empty(stack.Ports("azurite"));
        // Silos check the store as they start: they wait until it answers.
        Assert.Equal("service_healthy", stack.Service("silo").Map("depends_on").Map("azurite").Text("condition"));
        Assert.True(azurite.ContainsKey("healthcheck"));
    }

    [Fact]
    public void Prometheus_scrapes_every_silo_on_its_metrics_port()
    {
        var stack = ComposeStack.Default();
        var prometheus = Yaml.ParseFile(RepositoryRoot.File("deploy/prometheus/prometheus.yml"));

        var jobs = prometheus.List("scrape_configs").Cast<Dictionary<object, object>>().ToList();
        var silos = Assert.Single(jobs, j => j.List("dns_sd_configs").Cast<Dictionary<object, object>>().Any(d => d.Strings("names").Contains("silo")));
        var discovery = silos.List("dns_sd_configs").Cast<Dictionary<object, object>>().Single();
        Assert.Equal(stack.Environment("silo")["Telemetry__MetricsPort"], discovery.Text("port"));
        Assert.Contains(stack.Volumes("prometheus"), v => v.Source == RepositoryRoot.File("deploy/prometheus/prometheus.yml") && v.Target == "/etc/prometheus/prometheus.yml" && v.ReadOnly);
    }

    [Fact]
    public void Grafana_is_provisioned_from_the_deploy_folder_with_the_prometheus_data_source()
    {
        var stack = ComposeStack.Default();
        var volumes = stack.Volumes("grafana").ToList();
        var dashboards = Yaml.ParseFile(RepositoryRoot.File("deploy/grafana/provisioning/dashboards/ecosystem.yml"));
        var datasources = Yaml.ParseFile(RepositoryRoot.File("deploy/grafana/provisioning/datasources/prometheus.yml"));

        Assert.Contains(volumes, v => v.Source == RepositoryRoot.File("deploy/grafana/provisioning") && v.Target == "/etc/grafana/provisioning" && v.ReadOnly);
        var dashboardPath = dashboards.List("providers").Cast<Dictionary<object, object>>().Single().Map("options").Text("path");
        Assert.Contains(volumes, v => v.Source == RepositoryRoot.File("deploy/grafana/dashboards") && v.Target == dashboardPath);
        var url = new Uri(datasources.List("datasources").Cast<Dictionary<object, object>>().Single().Text("url")!);
        Assert.Contains(url.Host, stack.Services.Keys.Cast<string>());
        Assert.Equal(url.Port, Port(stack, url.Host, 9090));
    }

    [Fact]
    public void Every_file_the_stack_mounts_or_builds_from_exists()
    {
        var stack = ComposeStack.Default();

        foreach (var service in StackServices)
        {
            foreach (var (source, _, _) in stack.Volumes(service).Where(v => v.Source.Contains('/')))
            {
                Assert.True(File.Exists(source) || Directory.Exists(source), $"{service} mounts {source}, which does not exist");
            }

            if (stack.Service(service).TryGetValue("build", out var build) && build is Dictionary<object, object> definition)
            {
                var context = definition.Text("context")!;
                var dockerfile = Path.Combine(context, definition.Text("dockerfile") ?? "Dockerfile");
                Assert.True(Directory.Exists(context), $"{service}: no build context {context}");
                Assert.True(File.Exists(dockerfile), $"{service}: no Dockerfile {dockerfile}");
                Assert.All(Dockerfile.Read(dockerfile).CopiedSources(), s => Assert.True(
                    File.Exists(Path.Combine(context, s)) || Directory.Exists(Path.Combine(context, s)), $"{dockerfile} copies {s}, which does not exist"));
            }
        }
    }

    [Fact]
    public void The_torch_backend_reaches_the_image_builds_and_the_gpu_file_gives_silos_the_gpus()
    {
        var cpu = ComposeStack.Default();
        var cuda = ComposeStack.Resolve(new Dictionary<string, string?> { ["TORCH_BACKEND"] = "cuda" }, "docker-compose.yml");
        var gpu = ComposeStack.Default("docker-compose.yml", "docker-compose.gpu.yml");

        Assert.Equal("cpu", cpu.Service("silo").Map("build").Map("args").Text("TORCH_BACKEND"));
        Assert.Equal("cuda", cuda.Service("silo").Map("build").Map("args").Text("TORCH_BACKEND"));
        Assert.Equal("cuda", cuda.Service("dashboard").Map("build").Map("args").Text("TORCH_BACKEND"));
        Assert.NotEqual(cpu.Service("silo").Text("image"), cuda.Service("silo").Text("image"));

        var silo = gpu.Service("silo");
        Assert.Equal("cuda", silo.Map("build").Map("args").Text("TORCH_BACKEND"));
        var device = silo.Map("deploy").Map("resources").Map("reservations").List("devices").Cast<Dictionary<object, object>>().Single();
        Assert.Equal("nvidia", device.Text("driver"));
        Assert.Contains("gpu", device.Strings("capabilities"));
        Assert.False(cpu.Service("silo").ContainsKey("deploy"), "the default stack must start on machines without a GPU");
    }

    /// <summary>The port a service listens on inside the compose network: its image's well-known port, unless the
    /// service publishes another.</summary>
    private static int Port(ComposeStack stack, string service, int wellKnown) =>
        stack.Ports(service).Select(p => int.Parse(p.ContainerPort)).DefaultIfEmpty(wellKnown).First();
}
