namespace Ecosystem.Cli.Tests.Malformed;

/// <summary>One generated malformed scenario file: its text, what was broken, and what the error must name.</summary>
/// <param name="Id">Unique, readable name: the shipped scenario, the mutation and where (also the file name).</param>
/// <param name="Kind">The kind of mutation.</param>
/// <param name="Json">The file's text.</param>
/// <param name="ExpectedPath">The JSON path the error message must contain.</param>
/// <param name="ExpectedWord">A field name or value the message must also contain, when the path alone does not say it.</param>
public sealed record MalformedScenario(string Id, MutationKind Kind, string Json, string ExpectedPath, string? ExpectedWord = null)
{
    /// <inheritdoc />
    public override string ToString() => Id;
}
