namespace Ecosystem.Abstractions.Corpus;

/// <summary>The ordered phases of a simulated tick; each ends with a barrier before the next starts.</summary>
[GenerateSerializer]
public enum TickPhase
{
    /// <summary>Human authors publish.</summary>
    HumansPublish = 1,

    /// <summary>Vendors scrape the corpus and train their next generation when a release is due.</summary>
    VendorsTrain = 2,

    /// <summary>Deployed model generations publish synthetic documents.</summary>
    ModelsPublish = 3,

    /// <summary>Metrics are computed and emitted.</summary>
    Measure = 4,
}
