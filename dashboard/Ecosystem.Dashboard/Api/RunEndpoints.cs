using Ecosystem.Dashboard.Live;
using Ecosystem.Dashboard.Runs;
using Ecosystem.Dashboard.Security;
using Ecosystem.Runner;
using Ecosystem.Scenarios;

namespace Ecosystem.Dashboard.Api;

/// <summary>The HTTP API: reading (scenarios, runs, a run's rows) is open; every control action needs the token.</summary>
public static class RunEndpoints
{
    /// <summary>Maps the API under <c>/api</c>.</summary>
    public static void MapRunApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/scenarios", (ShippedScenarios shipped) => shipped.List());
        api.MapGet("/runs", (RunRegistry registry) => registry.List());
        api.MapGet("/runs/{id}", (string id, RunRegistry registry) =>
            !RunIds.IsWellFormed(id) ? ApiProblems.BadRunId(id)
            : registry.Find(id) is { } run ? Results.Ok(run)
            : ApiProblems.UnknownRun(id));
        api.MapGet("/runs/{id}/metrics", (string id, RunRegistry registry) =>
            !RunIds.IsWellFormed(id) ? ApiProblems.BadRunId(id)
            : registry.Snapshot(id) is { } snapshot ? Results.Ok(new RunSnapshot(snapshot.Run, snapshot.Rows))
            : ApiProblems.UnknownRun(id));

        var control = api.MapGroup("/runs").AddEndpointFilter<RequireControlToken>();
        control.MapPost("", StartAsync);
        control.MapPost("/{id}/pause", (string id, RunRegistry registry, RunSupervisor supervisor) =>
            Control(id, registry, "paused", run => supervisor.Pause(run)));
        control.MapPost("/{id}/resume", (string id, RunRegistry registry, RunSupervisor supervisor) =>
            Control(id, registry, "resumed", run => supervisor.Resume(run)));
        control.MapPost("/{id}/stop", (string id, RunRegistry registry, RunSupervisor supervisor) =>
            Control(id, registry, "stopped", run => supervisor.Stop(run)));
        control.MapPost("/{id}/fork", ForkAsync);
    }

    private static async Task<IResult> StartAsync(HttpRequest request, ShippedScenarios shipped, RunSupervisor supervisor,
        DashboardSettings settings, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(request, settings.MaxRequestBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (scenario, invalid) = StartRunRequest.Parse(body, shipped);
        if (invalid is not null)
        {
            return invalid;
        }

        var (confined, refused) = new ScenarioFileAccess(settings.DataDirectory).Confine(scenario!, "$.definition");
        return refused.Count > 0
            ? ApiProblems.Invalid("The scenario names files outside the dashboard's data folder", refused)
            : Started(supervisor.TryStart(confined), settings);
    }

    private static async Task<IResult> ForkAsync(string id, HttpRequest request, RunRegistry registry, RunSupervisor supervisor,
        DashboardSettings settings, CancellationToken cancellationToken)
    {
        if (!RunIds.IsWellFormed(id))
        {
            return ApiProblems.BadRunId(id);
        }

        if (registry.Find(id) is null)
        {
            return ApiProblems.UnknownRun(id);
        }

        var (body, error) = await JsonBody.ReadObjectAsync(request, settings.MaxRequestBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (at, changes, invalid) = ForkRunRequest.Parse(body);
        if (invalid is not null)
        {
            return invalid;
        }

        Scenario scenario;
        RunFork fork;
        try
        {
            (scenario, fork) = RunFork.Plan(registry.DirectoryOf(id), at, changes);
        }
        catch (ScenarioValidationException e)
        {
            return ApiProblems.Invalid("The fork is not possible", e.Errors.Select(x => new RequestError(ForkPath(x.Path), x.Message)));
        }

        // The fork's scenario is the parent's plus the changes: a path either names is held to the same folder.
        var (confined, refused) = new ScenarioFileAccess(settings.DataDirectory).Confine(scenario, "$.scenario");
        return refused.Count > 0
            ? ApiProblems.Invalid("The fork's scenario names files outside the dashboard's data folder", refused)
            : Started(supervisor.TryStart(confined, fork), settings);
    }

    private static IResult Started(LiveRun? run, DashboardSettings settings) => run is null
        ? ApiProblems.Conflict($"{settings.MaxConcurrentRuns} run(s) are in progress already; stop one or wait for it to finish.")
        : Results.Created($"/api/runs/{run.Id}", run.Summary());

    private static IResult Control(string id, RunRegistry registry, string verb, Action<LiveRun> act)
    {
        if (!RunIds.IsWellFormed(id))
        {
            return ApiProblems.BadRunId(id);
        }

        if (registry.Live(id) is not { } run)
        {
            return registry.Find(id) is null
                ? ApiProblems.UnknownRun(id)
                : ApiProblems.Conflict($"Run '{id}' was not started by this dashboard, so it cannot be {verb} here.");
        }

        if (run.Summary().Finished)
        {
            return ApiProblems.Conflict($"Run '{id}' has already finished ({run.Summary().State.ToString().ToLowerInvariant()}).");
        }

        act(run);
        return Results.Ok(run.Summary());
    }

    // RunFork.Plan names the fork tick "--at" (the command line's option); here it is the body's "at".
    private static string ForkPath(string path) => path == "--at" ? "$.at" : path;
}
