namespace Ecosystem.Scenarios;

/// <summary>A vendor's data policy: what each generation is trained on.</summary>
public sealed record TrainingSpec
{
    /// <summary>Replace (newest scrape) or accumulate (all scrapes so far).</summary>
    public DataPolicyKind Policy { get; init; } = DataPolicyKind.Replace;

    /// <summary>Whose documents are scraped.</summary>
    public ScrapeSources Sources { get; init; } = ScrapeSources.All;

    /// <summary>At most this many documents per scrape, drawn uniformly; null scrapes everything new.</summary>
    public int? CrawlBudget { get; init; }

    /// <summary>What the crawl budget is drawn from: new documents (the default) or the whole web.</summary>
    public CrawlPolicySpec CrawlPolicy { get; init; } = new();

    /// <summary>Share of generation 0's human training documents kept and added to every later generation.</summary>
    public double KeepHumanFraction { get; init; }

    /// <summary>Draw the kept share again for every generation (Shumailov et al. keep a random 10% at each new
    /// training) instead of one fixed set (Alemohammad et al.'s synthetic augmentation loop).</summary>
    public bool KeepHumanRedraw { get; init; }

    /// <summary>Fresh real documents (never published) added to every generation's training set.</summary>
    public int FreshHumanDocuments { get; init; }

    /// <summary>Real documents of the held-out split (never published, never among the metrics' held-out documents)
    /// scored after every epoch of a fit: the generation keeps the epoch with the lowest loss on them, as Shumailov et
    /// al. keep the model that does best on the original task's validation set; 0 keeps the last epoch.</summary>
    public int ValidationDocuments { get; init; }

    /// <summary>Share w of the training weight given to the real (human-written) part of every training set, the
    /// synthetic part getting 1 - w, whatever the parts' sizes (He, Xu and Cheng, "Recursive learning without
    /// collapse"); null trains on the documents as they come.</summary>
    public double? RealWeight { get; init; }

    /// <summary>Honour the human authors' opt-outs (humans.optOut): no document of an author opted out at the training
    /// tick enters a training set; false trains on them anyway.</summary>
    public bool RespectOptOut { get; init; } = true;

    /// <summary>Where each generation's training starts: scratch, or generation 0's weights (families that can fine-tune).</summary>
    public InitialWeights InitialWeights { get; init; } = InitialWeights.Scratch;

    /// <summary>Scrape-time filters applied in order to what was crawled, before the data policy.</summary>
    public IReadOnlyList<ScrapeFilterSpec> Filters { get; init; } = [];
}
