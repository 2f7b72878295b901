using System.Net;
using System.Net.Sockets;
using BudgetActors.Erp;
using BudgetActors.ErpSimulator;
using BudgetActors.Grains;
using BudgetActors.Grains.Notifications;
using BudgetActors.Grains.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BudgetActors.Dashboard.Tests;

/// <summary>
/// An Orleans silo hosted in a WebApplication as the silo host composes it (the workflow in memory, the
/// tests' own ERPs or a running ERP simulator, the dashboard at <c>/dashboard</c> with a known operator
/// credential), serving real HTTP on a free loopback port, optionally under a base path as a reverse proxy
/// would mount it. A second silo joins the first's cluster when given it as <c>primary</c>.
/// </summary>
public sealed class DashboardSilo : IAsyncDisposable
{
    public const string User = "operator";
    public const string Password = "dashboard-tests-password";
    public const string Company = "acme";

    /// <summary>The company's settings: Spectrum, and its daily summary at 07:00 in Chicago.</summary>
    public static readonly CompanySettings Settings = new(ErpSystem.Spectrum, "001", "America/Chicago", new TimeOnly(7, 0));

    /// <summary>The people <see cref="SetUpCompanyAsync"/> puts in a company's directory.</summary>
    private static readonly CompanyUser[] s_people =
    [
        new("admin", "Ada Admin", "admin@acme.test", ToolPermission.Admin, ToolPermission.Admin, false, false, IsCompanyAdmin: true),
        new("pm", "Pat Manager", "pm@acme.test", ToolPermission.Admin, ToolPermission.ReadOnly, false, false),
        new("ap1", "Alex Approver", "ap1@acme.test", ToolPermission.ReadOnly, ToolPermission.Standard, true, true),
    ];

    private readonly string _mailFolder;
    private bool _stopped;

    private DashboardSilo(WebApplication app, string mailFolder, string pathBase, int? dashboardPort, IPEndPoint siloEndpoint, TestTokens tokens, InMemoryErp? spectrum)
    {
        App = app;
        _mailFolder = mailFolder;
        SiloEndpoint = siloEndpoint;
        Tokens = tokens;
        Spectrum = spectrum;
        var root = new Uri(app.Urls.First(u => dashboardPort is null || !u.EndsWith(":" + dashboardPort, StringComparison.Ordinal)));
        Root = new Uri(root, pathBase + "/");
        DashboardUrl = new Uri(dashboardPort is { } port ? new UriBuilder(root) { Port = port }.Uri : root, pathBase + "/dashboard/");
    }

    public WebApplication App { get; }

    /// <summary>The silo's in-memory Spectrum ERP (its primary silo's, when it has one); null when it talks to an ERP simulator.</summary>
    public InMemoryErp? Spectrum { get; }

    /// <summary>The site root, base path included.</summary>
    public Uri Root { get; }

    /// <summary>The dashboard's entry page.</summary>
    public Uri DashboardUrl { get; }

    /// <summary>Where other silos of the cluster reach this one.</summary>
    public IPEndPoint SiloEndpoint { get; }

    /// <summary>The API tokens of this silo's cluster.</summary>
    public TestTokens Tokens { get; }

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's address, as the Orleans dashboard's API names it.</summary>
    public string Address => App.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();

    /// <summary>The silo's name, as the Orleans dashboard lists it.</summary>
    public string Name => App.Services.GetRequiredService<ILocalSiloDetails>().Name;

    /// <param name="pathBase">A prefix a reverse proxy mounts the site under, applied with <c>UsePathBase</c>.</param>
    /// <param name="primary">A silo whose cluster this one joins (localhost clustering, that silo as the primary).</param>
    /// <param name="simulator">
    /// An ERP simulator whose Spectrum company 001 (credential <c>demo-spectrum-001</c>, as in its demo data) the
    /// silo's connectors call, with retries and circuit breaks short enough for a test; without one, in-memory ERPs.
    /// </param>
    /// <param name="dashboardPort">A port of the dashboard's own (<c>Dashboard:Port</c>) beside the site's.</param>
    /// <param name="siloCounters">Fill the Orleans dashboard's silo counters (<c>Dashboard:SiloCounters</c>).</param>
    public static async Task<DashboardSilo> StartAsync(
        string pathBase = "",
        DashboardSilo? primary = null,
        ErpSimulatorServer? simulator = null,
        int? dashboardPort = null,
        bool siloCounters = false)
    {
        var mailFolder = Directory.CreateTempSubdirectory("budgetactors-dashboard-mail-").FullName;
        var urls = "http://127.0.0.1:0" + (dashboardPort is { } port ? $";http://127.0.0.1:{port}" : "");
        var builder = WebApplication.CreateBuilder(["--urls", urls]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (simulator is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Erp:Spectrum:Companies:001:BaseUrl"] = simulator.BaseAddress.ToString(),
                ["Erp:Spectrum:Companies:001:AuthorizationId"] = "demo-spectrum-001",
            });
        }

        var tokens = primary?.Tokens ?? new TestTokens();
        // The silos of one cluster reach one ERP: the gateway of an ERP company may live on either of them.
        var spectrum = simulator is null ? primary?.Spectrum ?? new InMemoryErp(ErpSystem.Spectrum) : null;
        var siloEndpoint = new IPEndPoint(IPAddress.Loopback, FreePort());
        builder.UseOrleans(silo =>
        {
            // The silos of one test form a cluster of their own; the first is the second's primary silo.
            silo.UseLocalhostClustering(siloEndpoint.Port, FreePort(), primary?.SiloEndpoint, "dashboard-tests", $"dashboard-tests-{(primary?.SiloEndpoint ?? siloEndpoint).Port}");
            silo.Services.AddSingleton<ICallerAuthenticator>(tokens);
            silo.AddBudgetWorkflow(o =>
            {
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
                o.RetryAttempts = 2;
                o.RetryLaterDelay = TimeSpan.FromMilliseconds(200);
                o.BreakMinimumCalls = 2;
                o.BreakDuration = TimeSpan.FromSeconds(1);
            });
            silo.AddMemoryGrainStorageAsDefault();
            silo.UseInMemoryReminderService();
            silo.Services.Configure<NotificationOptions>(o => o.PickupFolder = mailFolder);
            if (spectrum is null)
            {
                silo.Services.AddErpConnectors(ErpConfiguration.ReadSpectrum(builder.Configuration), ErpConfiguration.ReadVista(builder.Configuration));
            }
            else
            {
                silo.AddErpConnector(spectrum).AddErpConnector(new InMemoryErp(ErpSystem.Vista));
            }

            silo.AddBudgetActorsDashboardSilo();
        });
        builder.Services.AddBudgetActorsDashboard(o =>
        {
            o.Operator.User = User;
            o.Operator.Password = Password;
            o.Port = dashboardPort;
            o.SiloCounters = siloCounters;
        });
        var app = builder.Build();
        if (pathBase.Length > 0)
        {
            // What a host behind a reverse proxy that strips the prefix does.
            app.UsePathBase(pathBase);
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/healthz", () => "ok");
        app.MapBudgetActorsDashboard("/dashboard");
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new DashboardSilo(app, mailFolder, pathBase, dashboardPort, siloEndpoint, tokens, spectrum);
    }

    /// <summary>An HTTP client that keeps cookies and does not follow redirects, so tests see each answer.</summary>
    public HttpClient NewHttpClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer() }) { BaseAddress = DashboardUrl };

    /// <summary>Logs in through the login form; the client then carries the session cookie.</summary>
    public async Task<HttpResponseMessage> LogInAsync(HttpClient http, string user = User, string password = Password) =>
        await http.PostAsync("login", new FormUrlEncodedContent([new("user", user), new("password", password)]), TestContext.Current.CancellationToken);

    /// <summary>
    /// Sets a company up as the silo's own set-up does: its ERP company, a company admin, a project manager
    /// (pm) and an approver (ap1), each project linked to a synced ERP job. With in-memory ERPs the jobs and
    /// the budgets' cost codes are made to exist; a simulator must hold them already.
    /// </summary>
    public async Task SetUpCompanyAsync(string company, string erpCompany, params (string Project, string Job)[] projects)
    {
        Spectrum?.Company(erpCompany).WithCostCodes("03-300", "05-100");
        foreach (var (project, job) in projects)
        {
            Spectrum?.Company(erpCompany).WithJob(job, project);
        }

        await AsAsync(company, "system:setup", async () =>
        {
            var grain = Grains.GetGrain<ICompanyGrain>(company);
            await grain.ConfigureAsync(Settings with { ErpCompanyCode = erpCompany });
            foreach (var person in s_people)
            {
                await grain.SaveUserAsync(person);
            }

            foreach (var (project, job) in projects)
            {
                await grain.LinkProjectAsync(new ProjectLink(project, job, JobSynced: true));
            }
        });
    }

    /// <summary>The project manager creates a budget of two lines ($465,500.50), locks it and sends it to ERP Integrations.</summary>
    public Task SendBudgetAsync(string company, string project) => AsAsync(company, "pm", async () =>
    {
        var budget = Budget(company, project);
        await budget.CreateAsync();
        await budget.AddLineAsync(new BudgetLine("03-300", "M", "Cast-in-place concrete", 125_000.00m));
        await budget.AddLineAsync(new BudgetLine("05-100", "S", "Structural steel", 340_500.50m));
        await budget.LockAsync();
        await budget.SendAsync();
    });

    /// <summary>The approver accepts the budget's first submission: it is exported through the ERP gateway.</summary>
    public Task AcceptAsync(string company, string project) => AsAsync(company, "ap1", () => Budget(company, project).AcceptAsync(1));

    public IBudgetGrain Budget(string company, string project) => Grains.GetGrain<IBudgetGrain>(BudgetKey.Of(company, project));

    /// <summary>Runs grain calls as a client app of <paramref name="userId"/> of <paramref name="company"/> would: with that user's API token.</summary>
    public async Task AsAsync(string company, string userId, Func<Task> calls)
    {
        var previous = CallerContext.Token;
        CallerContext.Token = Tokens.For(new CallerIdentity(company, userId));
        try
        {
            await calls();
        }
        finally
        {
            CallerContext.Token = previous;
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

    /// <summary>A TCP port nobody listens on now (Orleans' silo and gateway ports cannot be 0).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
