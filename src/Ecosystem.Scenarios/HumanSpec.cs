namespace Ecosystem.Scenarios;

/// <summary>The human population: how many authors, how much they publish and until when.</summary>
public sealed record HumanSpec
{
    /// <summary>Number of human authors per world; text authors are spread over genres in proportion to the corpus.</summary>
    public int Authors { get; init; } = 100;

    /// <summary>Documents published by all authors together per tick.</summary>
    public int DocumentsPerTick { get; init; } = 100;

    /// <summary>Documents already on the web when the simulation starts, published by all authors together at the first tick
    /// on top of <see cref="DocumentsPerTick"/>.</summary>
    public int InitialDocuments { get; init; }

    /// <summary>First tick at which humans publish.</summary>
    public int FirstTick { get; init; }

    /// <summary>Last tick at which humans publish; null means every tick.</summary>
    public int? LastTick { get; init; }

    /// <summary>Values per document for the theory data kinds (text uses data.text.documentTokens).</summary>
    public int DocumentLength { get; init; } = 1;

    /// <summary>Authors active at the first tick; null means all of them. The others join as newcomers.</summary>
    public int? ActiveAuthors { get; init; }

    /// <summary>Authors joining at every tick after the first, until all <see cref="Authors"/> are active.</summary>
    public int NewcomersPerTick { get; init; }

    /// <summary>Text data: relative publishing rate of the authors of each named corpus genre (1: the even share of
    /// <see cref="DocumentsPerTick"/>; 0.5: half as many documents; 0: none); null or a genre not named means 1.</summary>
    public IReadOnlyDictionary<string, double>? GenreRates { get; init; }

    /// <summary>How much human output falls as the web fills with synthetic text: at each tick the authors publish
    /// (1 - displacement x the synthetic share of the previous tick's publications) of their usual output.</summary>
    public double Displacement { get; init; }

    /// <summary>Text data: an author who has published every real document dealt to it goes on round its genre's
    /// documents (the web's reposts, mirrors and quotations), so a population can publish more documents than the
    /// corpus holds; false: it publishes nothing more.</summary>
    public bool Repost { get; init; }

    /// <summary>Authors writing with a deployed model's help; null means nobody does.</summary>
    public AssistanceSpec? Assistance { get; init; }

    /// <summary>Authors who forbid AI training on their documents; null means nobody does.</summary>
    public OptOutSpec? OptOut { get; init; }
}
