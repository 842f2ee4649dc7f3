namespace Ecosystem.Scenarios;

/// <summary>Thrown when a scenario file is not valid; carries every problem found, each naming its field.</summary>
public sealed class ScenarioValidationException(string source, IReadOnlyList<ScenarioError> errors)
    : Exception($"{source}: {errors.Count} problem(s):{Environment.NewLine}" +
                string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    /// <summary>The problems, in document order.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; } = errors;
}
