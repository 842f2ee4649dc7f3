using Ecosystem.Abstractions.Corpus;
using Ecosystem.Models.Transformer;
using Ecosystem.Models.Transformer.Bases;

namespace Ecosystem.Grains.Bases;

/// <summary>A base ready to fine-tune from: the shared model (never dispose or train it), its cache entry, the
/// documents it was trained on, and whether this call built it.</summary>
public sealed record PretrainedBase(TransformerModel Model, BaseModelEntry Entry, IReadOnlyList<DocumentContent> Documents, bool Built);
