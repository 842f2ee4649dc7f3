namespace Ecosystem.Scenarios;

/// <summary>Where a new generation's training starts.</summary>
public enum InitialWeights
{
    /// <summary>Fresh random weights.</summary>
    Scratch,

    /// <summary>Generation 0's weights: every later generation is fine-tuned from the original model (Shumailov et al.).</summary>
    Generation0,

    /// <summary>The pretrained base model of <c>model.base</c>: every generation, generation 0 included, is fine-tuned from it
    /// (Shumailov et al. fine-tune OPT-125m in every generation).</summary>
    Base,
}
