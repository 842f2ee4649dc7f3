using System.Text.Json.Serialization;

namespace Ecosystem.Scenarios;

/// <summary>One scrape-time filter of a vendor; the JSON field "kind" says which.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(WatermarkFilterSpec), "watermark")]
[JsonDerivedType(typeof(ExactDuplicateFilterSpec), "exactDuplicate")]
[JsonDerivedType(typeof(NearDuplicateFilterSpec), "nearDuplicate")]
[JsonDerivedType(typeof(PerplexityFilterSpec), "perplexity")]
[JsonDerivedType(typeof(CutoffFilterSpec), "cutoff")]
[JsonDerivedType(typeof(DetectorFilterSpec), "detector")]
public abstract record ScrapeFilterSpec;
