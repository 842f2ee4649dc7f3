using Ecosystem.Scenarios;

namespace Ecosystem.Dashboard.Api;

/// <summary>The API's error answers: RFC 9457 problem details, with an <c>errors</c> list of JSON paths and messages
/// where the request body had problems.</summary>
public static class ApiProblems
{
    /// <summary>400: the request is invalid.</summary>
    public static IResult Invalid(string title, IEnumerable<RequestError> errors) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title,
            detail: string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")),
            extensions: new Dictionary<string, object?> { ["errors"] = errors.ToList() });

    /// <summary>400: a scenario did not validate; its paths are placed under <paramref name="prefix"/> (the field of the body that held it).</summary>
    public static IResult InvalidScenario(string prefix, ScenarioValidationException e) =>
        Invalid("The scenario is not valid", e.Errors.Select(x => new RequestError(Under(prefix, x.Path), x.Message)));

    /// <summary>400: a malformed run id.</summary>
    public static IResult BadRunId(string id) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed run id",
            detail: $"'{Shorten(id)}' is not a run id: {Runs.RunIds.Description}.");

    /// <summary>404: no run has this id.</summary>
    public static IResult UnknownRun(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown run",
            detail: $"There is no run '{id}'; GET /api/runs lists the known runs.");

    /// <summary>400: a malformed sweep name.</summary>
    public static IResult BadSweepName(string name) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed sweep name",
            detail: $"'{Shorten(name)}' is not a sweep name: a sweep is named by its folder directly inside the runs folder, {Runs.RunIds.Description}.");

    /// <summary>404: no sweep folder has this name.</summary>
    public static IResult UnknownSweep(string name) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown sweep",
            detail: $"There is no sweep '{name}' (a folder of the runs folder holding a readable {Experiments.Sweeps.SweepFiles.Manifest}); GET /api/sweeps lists the sweeps.");

    /// <summary>409: the action does not apply to the run as it stands.</summary>
    public static IResult Conflict(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible now", detail: detail);

    /// <summary>413: the body is over the size limit.</summary>
    public static IResult TooLarge(long limit) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
            detail: $"The body may hold at most {limit:N0} bytes.");

    private static string Under(string prefix, string path) =>
        path == "$" ? prefix : path.StartsWith("$.", StringComparison.Ordinal) || path.StartsWith("$[", StringComparison.Ordinal)
            ? prefix + path[1..]
            : $"{prefix} {path}";

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
