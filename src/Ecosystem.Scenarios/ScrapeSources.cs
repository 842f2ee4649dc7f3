namespace Ecosystem.Scenarios;

/// <summary>Whose documents a vendor's crawler collects.</summary>
public enum ScrapeSources
{
    /// <summary>The whole shared corpus: human text and every vendor's output.</summary>
    All,

    /// <summary>Human text and the vendor's own output only: an isolated self-consuming loop.</summary>
    Self,
}
