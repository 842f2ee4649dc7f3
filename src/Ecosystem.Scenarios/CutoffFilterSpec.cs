namespace Ecosystem.Scenarios;

/// <summary>A crawl cut-off: nothing published after a tick is kept.</summary>
public sealed record CutoffFilterSpec : ScrapeFilterSpec
{
    /// <summary>Last tick whose documents are kept.</summary>
    public int Tick { get; init; }
}
