using BudgetActors.Dashboard;
using BudgetActors.Grains;
using BudgetActors.Grains.Notifications;
using BudgetActors.Grains.Security;
using BudgetActors.Silo.Api;
using BudgetActors.Silo.Commands;
using BudgetActors.Silo.Demo;
using Microsoft.Extensions.Options;
using Orleans.Providers;

namespace BudgetActors.Silo.Hosting;

/// <summary>How <c>Program.cs</c> reads its settings, picks its storage and runs: one step each.</summary>
public static class SiloHostExtensions
{
    /// <summary>Where the REST API listens unless <c>--urls</c>, <c>ASPNETCORE_URLS</c> or <c>ASPNETCORE_HTTP_PORTS</c> says otherwise.</summary>
    public const string DefaultUrl = "http://localhost:8080";

    public const string PostgresVariable = "BUDGETACTORS_POSTGRES";

    /// <summary>
    /// Reads <c>--postgres</c> (or <c>BUDGETACTORS_POSTGRES</c>), a <c>token ...</c> command, the HTTP
    /// address and the notification settings.
    /// </summary>
    public static SiloSettings AddSiloSettings(this WebApplicationBuilder builder, string[] args)
    {
        var postgres = builder.Configuration["postgres"] ?? Environment.GetEnvironmentVariable(PostgresVariable);
        var command = TokenCommand.Parse(args, out var commandError);
        var settings = new SiloSettings(string.IsNullOrWhiteSpace(postgres) ? null : postgres, command, commandError);
        builder.Services.AddSingleton(settings);
        builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection("Notifications"));

        // Orleans runs every placement through a Polly pipeline that logs each execution at Information, and
        // prints every options class at start: both drown what an operator reads.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddFilter("Orleans.Runtime.SiloOptionsLogger", LogLevel.Warning);

        if (settings.ExitsAfterCommand || commandError is not null)
        {
            // A one-off command must not take (or fail on) the ports of the silo that is already serving.
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }
        else if (new[] { "urls", "http_ports", "https_ports" }.All(key => string.IsNullOrEmpty(builder.Configuration[key]))
            && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return settings;
    }

    /// <summary>Grain state, reminders, the notification outbox and API tokens: in memory, or all in PostgreSQL.</summary>
    public static ISiloBuilder UseSiloStorage(this ISiloBuilder silo, SiloSettings settings) =>
        settings.Postgres is { } postgres
            ? silo.UsePostgresWorkflowStore(postgres)
            : silo.AddMemoryGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME).UseInMemoryReminderService();

    /// <summary>Sets the demo company up in the in-memory silo and says how to try it.</summary>
    private static async Task PrintDemoAsync(WebApplication app, TextWriter output)
    {
        var tokens = await DemoSeeder.SeedAsync(app.Services.GetRequiredService<IGrainFactory>(), app.Services.GetRequiredService<SiloCallers>(), app.Lifetime.ApplicationStopping);
        var url = (app.Urls.FirstOrDefault() ?? DefaultUrl).Replace("://localhost:", "://127.0.0.1:", StringComparison.Ordinal);
        var mail = Path.GetFullPath(app.Services.GetRequiredService<IOptions<NotificationOptions>>().Value.PickupFolder);
        await output.WriteLineAsync($"Demo company '{DemoCompany.Id}' (Spectrum company 001 of the embedded ERP simulator; projects {string.Join(", ", DemoCompany.Projects.Select(p => p.ProjectId))}), a token per person:");
        foreach (var (user, token) in tokens)
        {
            var role = user switch
            {
                { IsCompanyAdmin: true } => "company admin",
                { CanPushToAccounting: true } => "approver",
                { BudgetTool: ToolPermission.Admin } => "project manager",
                _ => "read only",
            };
            await output.WriteLineAsync($"  {user.UserId,-7} {user.Name + " (" + role + ")",-32} {token}");
        }

        var admin = tokens.Single(t => t.User.IsCompanyAdmin).Token;
        await output.WriteLineAsync("Try it with budgetctl (in another terminal), as the company admin:");
        await output.WriteLineAsync($"  export BUDGETACTORS_URL={url} BUDGETACTORS_TOKEN={admin}");
        await output.WriteLineAsync("  dotnet run --project client/budgetctl -- demo            # the whole workflow, narrated");
        await output.WriteLineAsync("  dotnet run --project client/budgetctl -- budget show tower-7");
        await output.WriteLineAsync("  dotnet run --project client/budgetctl -- --help          # every command; --token <another token> acts as that person");
        await output.WriteLineAsync($"Emails (daily summaries, rejection and export-failure notices) are written to {mail}");
    }

    /// <summary>Starts the silo and serves until Ctrl+C, or runs the <c>token</c> command; returns the exit code.</summary>
    public static async Task<int> RunSiloAsync(this WebApplication app, TextWriter output, TextWriter error)
    {
        var settings = app.Services.GetRequiredService<SiloSettings>();
        if (settings.CommandError is { } usage)
        {
            await error.WriteLineAsync(usage);
            return 2;
        }

        await app.StartAsync();
        if (settings.Command is { } command)
        {
            var exitCode = await command.RunAsync(app.Services.GetRequiredService<IGrainFactory>(), app.Services.GetRequiredService<SiloCallers>(), output, error, app.Lifetime.ApplicationStopping);
            if (exitCode != 0 || settings.ExitsAfterCommand)
            {
                await app.StopAsync();
                return exitCode;
            }

            await error.WriteLineAsync("The in-memory silo keeps serving: the token works until it stops (use --postgres to keep tokens).");
        }

        var url = app.Urls.FirstOrDefault() ?? DefaultUrl;
        if (settings.Postgres is null && app.Configuration.GetValue("Demo:Enabled", defaultValue: true))
        {
            await PrintDemoAsync(app, output);
        }

        await output.WriteLineAsync(settings.Postgres is null
            ? "BudgetActors silo running with in-memory storage and reminders (nothing is kept after it stops). Ctrl+C stops it."
            : "BudgetActors silo running with PostgreSQL storage and reminders. Ctrl+C stops it.");
        var self = app.Services.GetRequiredService<ILocalSiloDetails>();
        await output.WriteLineAsync($"Silo {self.Name} ({self.SiloAddress}) serving other silos on {self.SiloAddress.Endpoint} and client apps on {self.GatewayAddress?.Endpoint}");

        var dashboard = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.Operator;
        await output.WriteLineAsync(app.Services.GetRequiredService<GeneratedOperatorPassword>().Password is { } password
            ? $"Operator dashboard at {SiloDashboardExtensions.Url(app)} (user {dashboard.User}, password {password}: made up for this run; set Dashboard:Operator:Password to choose one)"
            : $"Operator dashboard at {SiloDashboardExtensions.Url(app)} (user {dashboard.User}, the password configured in Dashboard:Operator:Password)");
        await output.WriteLineAsync($"REST API at {url}/api/v1 (Authorization: Bearer <token>); OpenAPI document at {url}/openapi/{ApiHostingExtensions.DocumentName}.json");
        await app.WaitForShutdownAsync();
        return 0;
    }
}
