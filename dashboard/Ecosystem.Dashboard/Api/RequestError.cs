namespace Ecosystem.Dashboard.Api;

/// <summary>One problem with a request: where (a JSON path such as <c>$.definition.ticks</c>) and what.</summary>
public sealed record RequestError(string Path, string Message);
