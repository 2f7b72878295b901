using System.Security.Cryptography;
using BudgetActors.Dashboard;
using Microsoft.Extensions.Options;

namespace BudgetActors.Silo.Hosting;

/// <summary>
/// The operator dashboard on the silo's web port, at <see cref="Path"/>: the Orleans dashboard (framed by the
/// entry page <c>/dashboard/</c>, alone at <c>/dashboard/orleans/</c>) and our ERP and Workflow pages
/// (<c>/dashboard/erp</c>, <c>/dashboard/workflow</c>), all behind the operator login.
/// </summary>
public static class SiloDashboardExtensions
{
    public const string Path = "/dashboard";

    /// <summary>
    /// The dashboard with its settings from the <c>Dashboard</c> section. Without a configured operator
    /// password the silo makes one up for this run (printed at start), so that the dashboard is never open
    /// to anyone, not even in the embedded default. It also adds the Orleans dashboard's silo side
    /// (<see cref="DashboardSiloBuilderExtensions.AddBudgetActorsDashboardSilo"/>, with its low-overhead
    /// defaults) to the silo this builder hosts; <c>Dashboard:Orleans:CounterUpdateIntervalMs</c> and
    /// <c>Dashboard:Orleans:HistoryLength</c> override them (the trace page stays off).
    /// </summary>
    public static WebApplicationBuilder AddSiloDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddBudgetActorsDashboard();
        builder.Services.Configure<DashboardOptions>(builder.Configuration.GetSection("Dashboard"));
        // UseOrleans finds the silo builder the host already has (or makes the one it will have), so the silo
        // may be composed before or after this.
        builder.UseOrleans(silo => silo.AddBudgetActorsDashboardSilo());
        builder.Services.Configure<Orleans.Dashboard.DashboardOptions>(builder.Configuration.GetSection("Dashboard:Orleans"));
        string? generated = null;
        if (string.IsNullOrEmpty(builder.Configuration["Dashboard:Operator:Password"]))
        {
            generated = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            builder.Services.PostConfigure<DashboardOptions>(o => o.Operator.Password = generated);
        }

        builder.Services.AddSingleton(new GeneratedOperatorPassword(generated));
        if (builder.Configuration.GetValue<int?>("Dashboard:Port") is { } port)
        {
            ListenOnDashboardPort(builder, port);
        }

        return builder;
    }

    /// <summary>Where an operator opens the dashboard: its own port if it has one, else the silo's first web address.</summary>
    public static string Url(WebApplication app)
    {
        var port = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.Port;
        var url = app.Urls.FirstOrDefault(u => port is null || u.EndsWith(":" + port, StringComparison.Ordinal))
            ?? app.Urls.FirstOrDefault() ?? SiloHostExtensions.DefaultUrl;
        return url.Replace("://+:", "://localhost:", StringComparison.Ordinal).Replace("://*:", "://localhost:", StringComparison.Ordinal)
            .Replace("://0.0.0.0:", "://localhost:", StringComparison.Ordinal).Replace("://[::]:", "://localhost:", StringComparison.Ordinal) + Path + "/";
    }

    /// <summary>
    /// Adds the dashboard's port to the addresses the silo listens on, on the same interface as its first web
    /// address (a silo listening on localhost only does not open its dashboard to the network).
    /// </summary>
    private static void ListenOnDashboardPort(WebApplicationBuilder builder, int port)
    {
        var configuration = builder.Configuration;
        if (configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            configuration["Kestrel:Endpoints:Dashboard:Url"] = $"http://*:{port}";
        }
        else if (!string.IsNullOrEmpty(configuration["urls"]))
        {
            var urls = configuration["urls"]!;
            var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
            var host = first[(first.IndexOf("://", StringComparison.Ordinal) + 3)..first.LastIndexOf(':')];
            builder.WebHost.UseUrls($"{urls};http://{host}:{port}");
        }
        else
        {
            builder.WebHost.UseSetting("http_ports", $"{configuration["http_ports"]};{port}".TrimStart(';'));
        }
    }

    /// <summary>Maps the dashboard; the operator login needs <c>UseAuthentication()</c> and <c>UseAuthorization()</c> before (the REST API's <c>UseBudgetActorsApi()</c> adds them).</summary>
    public static WebApplication MapSiloDashboard(this WebApplication app)
    {
        app.MapBudgetActorsDashboard(Path);
        return app;
    }
}
