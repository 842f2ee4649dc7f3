namespace Ecosystem.Dashboard;

/// <summary>Where this dashboard serves the Orleans dashboard, as the cluster choice decided (<see cref="DashboardCluster"/>).</summary>
/// <param name="Path">Its path with a trailing slash, or null when it is not served.</param>
public sealed record OrleansDashboardMount(string? Path);
