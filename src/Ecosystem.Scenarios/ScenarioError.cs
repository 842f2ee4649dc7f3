namespace Ecosystem.Scenarios;

/// <summary>One problem in a scenario file: where (a JSON path such as <c>$.vendors[0].model.family</c>) and what.</summary>
public sealed record ScenarioError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
