namespace Ecosystem.Filtering;

/// <summary>What one filter did to the documents that reached it, by provenance: removing synthetic text is a true
/// removal, removing human text a false one.</summary>
/// <param name="Label">Position and kind, for example "0:watermark".</param>
/// <param name="RemovedHuman">Human documents removed (false removals).</param>
/// <param name="RemovedSynthetic">Synthetic documents removed (true removals).</param>
/// <param name="PassedHuman">Human documents passed on.</param>
/// <param name="PassedSynthetic">Synthetic documents passed on (missed).</param>
public sealed record FilterReport(string Label, int RemovedHuman, int RemovedSynthetic, int PassedHuman, int PassedSynthetic)
{
    /// <summary>Documents that reached the filter.</summary>
    public int Input => RemovedHuman + RemovedSynthetic + PassedHuman + PassedSynthetic;
}
