namespace Ecosystem.Metrics;

/// <summary>Synthetic documents and tokens of one vendor's generation in a corpus.</summary>
/// <param name="Vendor">The vendor.</param>
/// <param name="Generation">The model generation.</param>
/// <param name="Documents">Documents it published.</param>
/// <param name="Tokens">Units (tokens or values) in those documents.</param>
public sealed record VendorGenerationCount(string Vendor, int Generation, long Documents, long Tokens);
