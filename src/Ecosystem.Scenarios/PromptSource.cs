namespace Ecosystem.Scenarios;

/// <summary>What a deployed model continues.</summary>
public enum PromptSource
{
    /// <summary>Nothing: documents are sampled from their start.</summary>
    None,

    /// <summary>Real human documents from the training split, as in Shumailov et al.'s language-model experiment.</summary>
    Human,

    /// <summary>Documents the deployed generation was trained on, drawn with replacement; each continuation inherits the
    /// genre of the document it continues.</summary>
    Training,
}
