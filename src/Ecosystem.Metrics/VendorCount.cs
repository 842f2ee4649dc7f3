namespace Ecosystem.Metrics;

/// <summary>Synthetic documents and tokens of one vendor (all generations) in a corpus.</summary>
/// <param name="Vendor">The vendor.</param>
/// <param name="Documents">Documents it published.</param>
/// <param name="Tokens">Units (tokens or values) in those documents.</param>
public sealed record VendorCount(string Vendor, long Documents, long Tokens);
