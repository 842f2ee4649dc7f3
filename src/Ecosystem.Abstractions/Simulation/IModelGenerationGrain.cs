using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Abstractions.Simulation;

/// <summary>One trained model generation of a vendor: fits once, then samples and scores on request.</summary>
/// <remarks>Keyed by <see cref="WorldAddress.Generation"/>. Heavy work runs off the grain scheduler.</remarks>
public interface IModelGenerationGrain : IGrainWithStringKey
{
    /// <summary>Fits the model to the training set (documents in canonical order).</summary>
    Task TrainAsync(GenerationSetup setup, DocumentBatch trainingSet);

    /// <summary>Frees the model, deletes its checkpoint and deactivates: its run is over.</summary>
    Task ReleaseAsync();

    /// <summary>The generation is no longer deployed: its model leaves memory (the grain deactivates). A later call, such
    /// as a retried tick that deploys it again, refits it from its saved training set or reloads its checkpoint.</summary>
    Task RetireAsync();

    /// <summary>Samples documents for one tick.</summary>
    Task<IReadOnlyList<DocumentContent>> SampleAsync(SampleRequest request);

    /// <summary>Openings (the first <paramref name="promptTokens"/> tokens) of <paramref name="count"/> documents drawn
    /// with replacement from this generation's training set, as a deployed model that continues what it was trained on
    /// would be prompted; seeded by the tick.</summary>
    Task<IReadOnlyList<TrainingPrompt>> TrainingPromptsAsync(int tick, int count, int promptTokens);

    /// <summary>Per-document perplexity of <paramref name="documents"/> under this model.</summary>
    Task<double[]> PerplexitiesAsync(IReadOnlyList<DocumentContent> documents);

    /// <summary>Per-document perplexity of <paramref name="documents"/> under the vendor's pretrained base (a transformer
    /// vendor with model.base), for a detector whose reference is the base.</summary>
    Task<double[]> BasePerplexitiesAsync(IReadOnlyList<DocumentContent> documents);

    /// <summary>For every position of every document, <paramref name="draws"/> next tokens drawn from this model given the
    /// document's preceding tokens (an n-gram model; seeded by the tick and the document's index), for a Binoculars
    /// score's cross-entropy.</summary>
    Task<IReadOnlyList<int[]>> DrawNextTokensAsync(IReadOnlyList<DocumentContent> documents, int draws, int tick);

    /// <summary>Per document, the mean of -log P(drawn token | preceding tokens) under this model over the tokens another
    /// generation drew (<see cref="DrawNextTokensAsync"/>), in nats.</summary>
    Task<double[]> CrossEntropiesAsync(IReadOnlyList<DocumentContent> documents, IReadOnlyList<int[]> drawn, int draws);

    /// <summary>The model's own metrics at <paramref name="tick"/>: fitted parameters, distance to the truth, held-out perplexity.</summary>
    Task<IReadOnlyList<MetricRow>> MeasureAsync(int tick);
}
