namespace Ecosystem.Dashboard;

/// <summary>What the page needs to know about the dashboard itself.</summary>
/// <param name="OrleansDashboard">Path of the Orleans dashboard, or null when it is not served.</param>
/// <param name="Version">The simulator's version.</param>
/// <param name="TokenGenerated">Whether the control token was generated at start (printed to the console) rather than configured.</param>
public sealed record DashboardInfo(string? OrleansDashboard, string Version, bool TokenGenerated);
