using System.Net;
using System.Text.Json;
using Ecosystem.Cli.Cluster;

namespace Ecosystem.Cluster.Tests;

/// <summary>A cluster started with its dashboard (<c>ecosystem cluster up</c>) serves the Orleans dashboard from the
/// dashboard process, a client, with the data of the silos' own dashboard grains.</summary>
[Collection(LocalClusterCollection.Name)]
[Trait("Category", "Cluster")]
public class OrleansDashboardOnClusterTests(LocalClusterFixture cluster)
{
    [Fact]
    public async Task The_dashboard_of_a_Redis_cluster_serves_the_Orleans_dashboard_with_every_silo()
    {
        // A cluster of its own: the shared one runs without the dashboard, so its silos carry no dashboard grains.
        var folder = Path.Combine(cluster.Root, "with-dashboard");
        try
        {
            var output = await cluster.RunToEndAsync("cluster", "up", "--dir", folder, "--silos", "2");
            var state = LocalClusterState.Load(folder)!;
            Assert.True(state.OrleansDashboard);
            var dashboard = Assert.IsType<LocalProcess>(state.Dashboard);
            Assert.Contains($"Orleans dashboard: http://127.0.0.1:{dashboard.Port}/orleans/", output, StringComparison.Ordinal);

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{dashboard.Port}/"), Timeout = TimeSpan.FromSeconds(30) };
            using var info = JsonDocument.Parse(await http.GetStringAsync("api/info"));
            Assert.Equal("/orleans/", info.RootElement.GetProperty("orleansDashboard").GetString());
            Assert.Contains("<html", await http.GetStringAsync("orleans/"), StringComparison.OrdinalIgnoreCase);

            // The counters come from the dashboard grain on a silo, which gathers every silo's report; an answer
            // needs grains on the silos and the client's services in the dashboard process.
            var hosts = await ActiveHostsAsync(http);
            Assert.Equal(2, hosts.Count);
            Assert.Equal(state.Silos.Select(s => s.SiloPort).Order(), hosts.Order());
        }
        finally
        {
            await cluster.RunToEndAsync("cluster", "down", "--dir", folder, "--purge");
        }
    }

    /// <summary>The silo ports the Orleans dashboard lists as active, once it lists them all.</summary>
    private static async Task<List<int>> ActiveHostsAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync("orleans/DashboardCounters");
            last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var counters = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var active = counters.RootElement.GetProperty("hosts").EnumerateArray()
                    .Where(h => h.GetProperty("status").GetString() == "Active")
                    .Select(h => h.GetProperty("siloAddress").GetString()!)
                    .ToList();
                if (counters.RootElement.GetProperty("totalActiveHostCount").GetInt32() == 2 && active.Count == 2)
                {
                    // A silo address reads "host:port@generation".
                    return active.Select(a => int.Parse(a.Split('@')[0].Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
                }
            }

            await Task.Delay(1000);
        }

        throw new TimeoutException($"The Orleans dashboard did not list both silos as active; last answer {last}");
    }
}
