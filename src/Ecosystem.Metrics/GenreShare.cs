namespace Ecosystem.Metrics;

/// <summary>How many documents carry one genre label and their share of all labelled documents.</summary>
/// <param name="Genre">The genre.</param>
/// <param name="Count">Documents with this label.</param>
/// <param name="Share">Count / all labels counted, or 0 when there are none.</param>
public sealed record GenreShare(string Genre, long Count, double Share);
