using Ecosystem.Watermarking;

namespace Ecosystem.Models.Transformer;

/// <summary>The watermark's bias over the model's ids for each previous token: delta on the ids whose source id is on
/// the green list that follows the previous source id, 0 elsewhere (and on the begin and unknown symbols).</summary>
/// <remarks>Cached per previous token, since a batch's rows often share one and the hash runs once per id.</remarks>
internal sealed class GreenListBias(GreenListWatermark watermark, TokenVocabulary vocabulary)
{
    private readonly Dictionary<int, float[]> _byPrevious = [];

    /// <summary>The source id a row's previous model id stands for; the begin and unknown symbols stand for the one
    /// past the source vocabulary, as the n-gram sampler's begin marker does.</summary>
    public int SourceOf(int modelId) => modelId is TokenVocabulary.Begin or TokenVocabulary.Unknown ? vocabulary.SourceSize : vocabulary.ToSource(modelId);

    /// <summary>The bias row following source id <paramref name="previousSource"/>.</summary>
    public float[] After(int previousSource)
    {
        if (_byPrevious.TryGetValue(previousSource, out var bias))
        {
            return bias;
        }

        bias = new float[vocabulary.Size];
        var delta = (float)watermark.Delta;
        for (var modelId = 0; modelId < bias.Length; modelId++)
        {
            if (modelId is not (TokenVocabulary.Begin or TokenVocabulary.Unknown) && watermark.IsGreen(previousSource, vocabulary.ToSource(modelId)))
            {
                bias[modelId] = delta;
            }
        }

        _byPrevious[previousSource] = bias;
        return bias;
    }
}
