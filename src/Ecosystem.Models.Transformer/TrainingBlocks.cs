namespace Ecosystem.Models.Transformer;

/// <summary>Training and scoring windows: inputs of at most the context length, and targets shifted by one with
/// -100 where nothing is predicted (padding, or positions already scored by an earlier window).</summary>
internal sealed class TrainingBlocks
{
    /// <summary>Target value that cross-entropy ignores.</summary>
    public const long Ignore = -100;

    private TrainingBlocks(List<long[]> inputs, List<long[]> targets, List<float[]>? weights, List<int> owners, int length)
    {
        Inputs = inputs;
        Targets = targets;
        Weights = weights;
        Owners = owners;
        Length = length;
    }

    public IReadOnlyList<long[]> Inputs { get; }

    public IReadOnlyList<long[]> Targets { get; }

    /// <summary>Per window, parallel to <see cref="Targets"/>: how much each target counts in the loss (its document's
    /// weight, 0 where the target is ignored); null for an unweighted fit, where every target counts 1.</summary>
    public IReadOnlyList<float[]>? Weights { get; }

    /// <summary>The document each window comes from.</summary>
    public IReadOnlyList<int> Owners { get; }

    /// <summary>Tokens per window (all windows are padded to it).</summary>
    public int Length { get; }

    public int Count => Inputs.Count;

    /// <summary>Number of predicted (non-ignored) targets.</summary>
    public long PredictedTokens => Targets.Sum(t => t.LongCount(v => v != Ignore));

    /// <summary>Cuts every document (model ids, without the begin symbol) into windows. The begin symbol is
    /// prepended; a document longer than the context is covered by windows that overlap by half, and each token is
    /// predicted (and scored) exactly once, with at least half a context of history after the first window.</summary>
    /// <param name="documents">The documents, as model ids.</param>
    /// <param name="context">The window length.</param>
    /// <param name="documentWeights">Per document: the weight of each of its targets; null for an unweighted fit.</param>
    public static TrainingBlocks From(IReadOnlyList<int[]> documents, int context, IReadOnlyList<float>? documentWeights = null)
    {
        if (documentWeights is not null && documentWeights.Count != documents.Count)
        {
            throw new ArgumentException($"{documentWeights.Count} weights for {documents.Count} documents.", nameof(documentWeights));
        }

        var inputs = new List<long[]>();
        var targets = new List<long[]>();
        var weights = documentWeights is null ? null : new List<float[]>();
        var owners = new List<int>();
        var stride = Math.Max(1, context / 2);
        for (var d = 0; d < documents.Count; d++)
        {
            var sequence = new long[documents[d].Length + 1];
            sequence[0] = TokenVocabulary.Begin;
            for (var i = 0; i < documents[d].Length; i++)
            {
                sequence[i + 1] = documents[d][i];
            }

            var predicted = 0;
            for (var start = 0; predicted < sequence.Length - 1; start += stride)
            {
                var input = new long[context];
                var target = new long[context];
                Array.Fill(input, TokenVocabulary.Begin);
                Array.Fill(target, Ignore);
                var take = Math.Min(context, sequence.Length - 1 - start);
                for (var i = 0; i < take; i++)
                {
                    input[i] = sequence[start + i];
                    if (start + i >= predicted)
                    {
                        target[i] = sequence[start + i + 1];
                    }
                }

                predicted = start + take;
                inputs.Add(input);
                targets.Add(target);
                owners.Add(d);
                if (weights is not null)
                {
                    // Windows never span documents, so every target of this one counts by the same weight.
                    var weight = new float[context];
                    for (var i = 0; i < context; i++)
                    {
                        weight[i] = target[i] == Ignore ? 0 : documentWeights![d];
                    }

                    weights.Add(weight);
                }
            }
        }

        return new TrainingBlocks(inputs, targets, weights, owners, context);
    }
}
