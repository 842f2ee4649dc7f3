namespace Ecosystem.Reports;

/// <summary>Whether a vendor's rows come from a text scenario or a theory (gaussian/categorical/mixture) one.</summary>
internal enum VendorKind
{
    Text,
    Theory,
}
