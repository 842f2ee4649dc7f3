namespace Ecosystem.Grains.Generations;

/// <summary>How a generation's saved training set is written in the blob store.</summary>
[GenerateSerializer]
public enum TrainingSetFormat
{
    /// <summary>A document array through the grain serializer (training sets saved before the compact form).</summary>
    Serialized = 0,

    /// <summary>A <see cref="Ecosystem.Segments.CompactDocumentList"/>.</summary>
    Compact = 1,
}
