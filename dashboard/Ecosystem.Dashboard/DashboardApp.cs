using System.Text.Json;
using System.Text.Json.Serialization;
using Ecosystem.Dashboard.Api;
using Ecosystem.Dashboard.Live;
using Ecosystem.Dashboard.Runs;
using Ecosystem.Dashboard.Security;
using Ecosystem.Dashboard.Sweeps;
using Ecosystem.Telemetry;
using Orleans.Dashboard;

namespace Ecosystem.Dashboard;

/// <summary>Builds the dashboard web application: settings, cluster, telemetry, run and sweep services, the API, the
/// live hub, the page and the Orleans dashboard.</summary>
public static class DashboardApp
{
    /// <summary>Builds the application from appsettings.json and Dashboard__* variables, then <paramref name="configure"/>
    /// (command-line options); <paramref name="telemetry"/> likewise overrides the "Telemetry" section.</summary>
    /// <exception cref="ArgumentException">The settings are not usable; the message says which and why.</exception>
    public static WebApplication Build(Action<DashboardSettings>? configure = null, Action<TelemetrySettings>? telemetry = null)
    {
        // The content root is the program's folder, so the page, the shipped scenarios and appsettings.json are found
        // wherever the dashboard is started from (relative run folders still resolve against the working directory).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        var settings = builder.Configuration.GetSection(DashboardSettings.Section).Get<DashboardSettings>() ?? new DashboardSettings();
        configure?.Invoke(settings);
        if (settings.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(configure));
        }

        builder.WebHost.UseUrls(settings.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.MaxRequestBytes);
        var traces = builder.AddEcosystemTelemetry("ecosystem-dashboard", telemetry).CollectsTraces;
        var orleansDashboard = new OrleansDashboardMount(
            DashboardCluster.Configure(builder, settings, traces) ? settings.OrleansDashboardPath + "/" : null);

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(orleansDashboard);
        builder.Services.AddSingleton(new ControlToken(settings.Token));
        builder.Services.AddSingleton(new RunRegistry(settings.RunsDirectory));
        builder.Services.AddSingleton(new SweepCatalog(settings.RunsDirectory));
        builder.Services.AddSingleton(sp => new ShippedScenarios(
            settings.ScenariosDirectory ?? Path.Combine(AppContext.BaseDirectory, "scenarios"), sp.GetRequiredService<ILogger<ShippedScenarios>>()));
        builder.Services.AddSingleton<LiveUpdates>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveUpdates>());
        builder.Services.AddSingleton<RunSupervisor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RunSupervisor>());
        builder.Services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        builder.Services.AddSignalR().AddJsonProtocol(o => Configure(o.PayloadSerializerOptions));
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            // The page loads nothing from elsewhere; the Orleans dashboard brings its own markup and is left alone.
            if (!context.Request.Path.StartsWithSegments(settings.OrleansDashboardPath))
            {
                context.Response.Headers.ContentSecurityPolicy =
                    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";
            }

            context.Response.Headers.XContentTypeOptions = "nosniff";
            await next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapRunApi();
        app.MapSweepApi();
        app.MapHub<RunHub>(RunHub.Path);
        app.MapGet("/api/info", (ControlToken token) => new DashboardInfo(orleansDashboard.Path, ScenarioRunnerVersion, token.IsGenerated));
        if (orleansDashboard.Path is not null)
        {
            app.MapOrleansDashboard(settings.OrleansDashboardPath);
        }
        else
        {
            app.MapGet(settings.OrleansDashboardPath + "/{**rest}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound,
                title: "The Orleans dashboard is not served by this client",
                detail: "Its grains must run on the cluster's silos: set Cluster:OrleansDashboard (Cluster__OrleansDashboard=true) on the silos and on this dashboard."));
        }

        return app;
    }

    private static string ScenarioRunnerVersion => Ecosystem.Runner.ScenarioRunner.Version;

    private static void Configure(JsonSerializerOptions options)
    {
        // Metric values may be NaN or infinite (an empty histogram, a model that gives a token probability 0).
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }
}
