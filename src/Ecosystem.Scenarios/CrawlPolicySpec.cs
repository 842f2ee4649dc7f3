namespace Ecosystem.Scenarios;

/// <summary>How a vendor's crawler spends its budget over the web.</summary>
public sealed record CrawlPolicySpec
{
    /// <summary>New documents only (the default), or the whole web uniformly or by recency.</summary>
    public CrawlPolicyKind Kind { get; init; } = CrawlPolicyKind.New;

    /// <summary>For <see cref="CrawlPolicyKind.Recency"/>: the age in ticks at which a document's weight halves.</summary>
    public double? HalfLife { get; init; }

    /// <summary>The weight of a document <paramref name="age"/> ticks old, relative to one published now.</summary>
    public double WeightOfAge(int age) => Kind == CrawlPolicyKind.Recency ? Math.Pow(2, -age / HalfLife!.Value) : 1;
}
