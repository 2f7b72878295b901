using System.Security.Cryptography;
using BudgetActors.Dashboard;

namespace BudgetActors.Silo.Hosting;

/// <summary>The operator dashboard on the silo's web port, at <see cref="Path"/>.</summary>
public static class SiloDashboardExtensions
{
    public const string Path = "/dashboard";

    /// <summary>
    /// The dashboard with its settings from the <c>Dashboard</c> section. Without a configured operator
    /// password the silo makes one up for this run (printed at start), so that the dashboard is never open
    /// to anyone, not even in the embedded default.
    /// </summary>
    public static WebApplicationBuilder AddSiloDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddBudgetActorsDashboard();
        builder.Services.Configure<DashboardOptions>(builder.Configuration.GetSection("Dashboard"));
        string? generated = null;
        if (string.IsNullOrEmpty(builder.Configuration["Dashboard:Operator:Password"]))
        {
            generated = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            builder.Services.PostConfigure<DashboardOptions>(o => o.Operator.Password = generated);
        }

        builder.Services.AddSingleton(new GeneratedOperatorPassword(generated));
        return builder;
    }

    public static WebApplication MapSiloDashboard(this WebApplication app)
    {
        app.MapBudgetActorsDashboard(Path);
        return app;
    }
}
