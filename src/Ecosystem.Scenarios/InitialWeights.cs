namespace Ecosystem.Scenarios;

/// <summary>Where a new generation's training starts.</summary>
public enum InitialWeights
{
    /// <summary>Fresh random weights.</summary>
    Scratch,

    /// <summary>Generation 0's weights: every later generation is fine-tuned from the original model (Shumailov et al.).</summary>
    Generation0,
}
