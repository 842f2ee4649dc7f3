namespace Ecosystem.Abstractions.Corpus;

/// <summary>Where a document came from: its author, the model vendor and generation if synthetic, and its genre.</summary>
/// <param name="Kind">Human or model.</param>
/// <param name="AuthorId">Human author key (assisted text too), or the vendor name for model output.</param>
/// <param name="Vendor">Vendor name for model output and for the model that assisted; empty for human text.</param>
/// <param name="Generation">Model generation for model output and assisted text; -1 for human text.</param>
/// <param name="Genre">Genre label: the real one for human text, the classifier's guess for model output.</param>
/// <param name="GenreInferred">True when <paramref name="Genre"/> was inferred by a classifier rather than known.</param>
/// <param name="SourceDocumentId">For human text, the id of the real document in the source corpus; for model output
/// that continues a real prompt, the id of the prompt's source document; otherwise empty.</param>
/// <param name="WatermarkKey">The key of the watermark the document was generated with; empty when it carries none.</param>
[GenerateSerializer, Immutable]
public sealed record Provenance(
    [property: Id(0)] AuthorKind Kind,
    [property: Id(1)] string AuthorId,
    [property: Id(2)] string Vendor,
    [property: Id(3)] int Generation,
    [property: Id(4)] string Genre,
    [property: Id(5)] bool GenreInferred,
    [property: Id(6)] string SourceDocumentId,
    [property: Id(7)] string WatermarkKey = "")
{
    /// <summary>True when the document was generated with a watermark.</summary>
    public bool IsWatermarked => WatermarkKey.Length > 0;

    /// <summary>True when a model generated the document or part of it (assisted writing counts: it carries model text).</summary>
    public bool IsSynthetic => Kind != AuthorKind.Human;

    /// <summary>True when a person wrote the document with a deployed model's help.</summary>
    public bool IsAssisted => Kind == AuthorKind.Assisted;
}
