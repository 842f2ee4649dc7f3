namespace Ecosystem.Scenarios;

/// <summary>The kind of data human authors produce.</summary>
public enum DataKind
{
    /// <summary>Real text from a corpus, as token ids.</summary>
    Text,

    /// <summary>Real values from a normal distribution.</summary>
    Gaussian,

    /// <summary>Category indices from a categorical distribution.</summary>
    Categorical,

    /// <summary>Real values from a one-dimensional Gaussian mixture.</summary>
    Mixture,
}
