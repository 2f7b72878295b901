using System.Net;
using BudgetActors.Erp;
using BudgetActors.Grains;
using BudgetActors.Silo.Api;
using BudgetActors.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BudgetActors.Dashboard.Tests;

/// <summary>
/// A silo composed as <c>silo/Program.cs</c> composes it (in memory, the tests' own ERPs), serving real
/// HTTP on a free loopback port with a known operator credential, optionally under a base path as a
/// reverse proxy would mount it.
/// </summary>
public sealed class DashboardSilo : IAsyncDisposable
{
    public const string User = "operator";
    public const string Password = "dashboard-tests-password";
    public const string Company = "acme";
    public const string ClusterSecret = "dashboard-tests-secret";

    /// <summary>The company's settings: Spectrum, and its daily summary at 07:00 in Chicago.</summary>
    public static readonly CompanySettings Settings = new(ErpSystem.Spectrum, "001", "America/Chicago", new TimeOnly(7, 0));

    private readonly string _mailFolder;
    private bool _stopped;

    private DashboardSilo(WebApplication app, string mailFolder, string pathBase)
    {
        App = app;
        _mailFolder = mailFolder;
        Root = new Uri(app.Urls.First() + pathBase + "/");
        DashboardUrl = new Uri(SiloDashboardExtensions.Url(app).Replace("/dashboard/", pathBase + "/dashboard/", StringComparison.Ordinal));
    }

    public WebApplication App { get; }

    /// <summary>The site root, base path included.</summary>
    public Uri Root { get; }

    public Uri DashboardUrl { get; }

    /// <summary>Where other silos and clients reach this silo's grains.</summary>
    public Uri SiloEndpoint => App.Services.GetRequiredService<LocalSiloDetails>().Address!.Endpoint;

    public IClusterClient Grains => App.Services.GetRequiredService<IClusterClient>();

    /// <param name="cluster">Membership and directory shared with other silos of the test (one in-memory cluster); none: a cluster of one.</param>
    /// <param name="settings">More command-line settings, e.g. <c>--Dashboard:Port 5123</c>.</param>
    public static async Task<DashboardSilo> StartAsync(
        string pathBase = "",
        (MemoryMembershipTable Members, MemoryGrainDirectory Directory)? cluster = null,
        params string[] settings)
    {
        var mailFolder = Directory.CreateTempSubdirectory("budgetactors-dashboard-mail-").FullName;
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", "--Notifications:PickupFolder", mailFolder,
            "--Dashboard:Operator:User", User, "--Dashboard:Operator:Password", Password, .. settings,
        ];
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var siloSettings = builder.AddSiloSettings(args);
        builder.UseBudgetActorsSilo(silo =>
        {
            silo.UseLocalhostClustering("dashboard-tests")
                .BindSiloOptions(builder.Configuration)
                .AddBudgetWorkflow()
                .AddErpConnector(new InMemoryErp(ErpSystem.Spectrum))
                .AddErpConnector(new InMemoryErp(ErpSystem.Vista))
                .UseSiloStorage(siloSettings);
            if (cluster is { } shared)
            {
                silo.UseMemoryClustering(shared.Members, shared.Directory, Options);
            }
            else
            {
                silo.UseSiloClustering(siloSettings, builder.Configuration).Configure<ClusterOptions>(Options);
            }

            static void Options(ClusterOptions o)
            {
                o.Port = 0;
                o.ClusterSecret ??= ClusterSecret;
            }
        });
        builder.Services.AddBudgetActorsApi();
        builder.AddSiloDashboard();
        var app = builder.Build();
        if (pathBase.Length > 0)
        {
            // What a host behind a reverse proxy that strips the prefix does.
            app.UsePathBase(pathBase);
        }

        app.UseBudgetActorsApi();
        app.MapSiloHealth();
        app.MapSiloDashboard();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new DashboardSilo(app, mailFolder, pathBase);
    }

    /// <summary>Grain calls placed on this silo, counted by its own statistics (a grain key it owns).</summary>
    public string KeyOwnedHere(string prefix)
    {
        var self = App.Services.GetRequiredService<LocalSiloDetails>().Address!;
        var silos = App.Services.GetRequiredService<SiloStatistics>().ClusterSilos();
        return Enumerable.Range(0, 10_000).Select(i => $"{prefix}-{i}")
            .First(key => RendezvousPlacement.Owner(new GrainId("company", key), silos) == self);
    }

    /// <summary>An HTTP client that keeps cookies and does not follow redirects, so tests see each answer.</summary>
    public HttpClient NewHttpClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer() }) { BaseAddress = DashboardUrl };

    /// <summary>Logs in through the login form; the client then carries the session cookie.</summary>
    public async Task<HttpResponseMessage> LogInAsync(HttpClient http, string user = User, string password = Password) =>
        await http.PostAsync("login", new FormUrlEncodedContent([new("user", user), new("password", password)]), TestContext.Current.CancellationToken);

    /// <summary>Grain calls the dashboard should count: company set-up as the silo itself, and one refused call.</summary>
    public async Task CallGrainsAsync(int setups = 1)
    {
        using (RequestContext.Suppress())
        {
            RequestContext.Caller = new CallerIdentity(Company, "system:setup");
            for (var i = 0; i < setups; i++)
            {
                await Grains.GetGrain<ICompanyGrain>(Company).ConfigureAsync(Settings);
            }

            RequestContext.Caller = new CallerIdentity(Company, "nobody");
            await Assert.ThrowsAsync<WorkflowException>(() => Grains.GetGrain<IBudgetGrain>(BudgetKey.Of(Company, "no-such-project")).GetAsync());
        }
    }

    /// <summary>Sets company <paramref name="company"/> up as the silo itself would.</summary>
    public async Task ConfigureCompanyAsync(string company)
    {
        using (RequestContext.Suppress())
        {
            RequestContext.Caller = new CallerIdentity(company, "system:setup");
            await Grains.GetGrain<ICompanyGrain>(company).ConfigureAsync(Settings);
        }
    }

    /// <summary>
    /// Gives approvers <c>acme:ap-00</c>, <c>acme:ap-01</c>, ... one budget each to approve, as the workflow
    /// does when a budget is submitted; each approver grain then registers its own daily-summary reminder.
    /// </summary>
    public async Task AddPendingApprovalsAsync(int approvers)
    {
        using (RequestContext.Suppress())
        {
            await ConfigureCompanyAsync(Company);
            RequestContext.Caller = new CallerIdentity(Company, "system:setup");
            var now = App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            for (var i = 0; i < approvers; i++)
            {
                await Grains.GetGrain<IApproverGrain>($"{Company}:ap-{i:D2}").AddPendingAsync(new PendingItem(Company, $"project-{i:D2}", 1, 1000m, "pm", now));
            }
        }
    }

    /// <summary>Stops the silo as Ctrl+C would; once only (the host cannot stop twice).</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await App.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await App.DisposeAsync();
        Directory.Delete(_mailFolder, recursive: true);
    }
}
