namespace Ecosystem.Dashboard.Runs;

/// <summary>A shipped scenario as the start form lists it.</summary>
public sealed record ShippedScenario(string Name, string? Description, int Ticks, int Vendors, long Seed);
