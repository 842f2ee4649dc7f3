using Ecosystem.Dashboard.Runs;
using Ecosystem.Dashboard.Sweeps;

namespace Ecosystem.Dashboard.Api;

/// <summary>The sweeps API, read-only and open like the run list: the sweep folders of the runs folder, and each one's
/// figures (the data report.html draws), from the runs finished so far.</summary>
public static class SweepEndpoints
{
    /// <summary>Maps <c>/api/sweeps</c> and <c>/api/sweeps/{name}</c>.</summary>
    public static void MapSweepApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sweeps");
        api.MapGet("", (SweepCatalog sweeps) => sweeps.List());
        api.MapGet("/{name}", (string name, SweepCatalog sweeps) =>
            !RunIds.IsWellFormed(name) ? ApiProblems.BadSweepName(name)
            : sweeps.Read(name) is { } sweep ? Results.Ok(sweep)
            : ApiProblems.UnknownSweep(name));
    }
}
