using System.Net;
using BudgetActors.Erp;
using BudgetActors.ErpSimulator;
using BudgetActors.Grains;
using BudgetActors.Silo;
using BudgetActors.Silo.Api;
using BudgetActors.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BudgetActors.Dashboard.Tests;

/// <summary>
/// A silo composed as <c>silo/Program.cs</c> composes it (in memory, the tests' own ERPs or a running ERP
/// simulator), serving real HTTP on a free loopback port with a known operator credential, optionally under a
/// base path as a reverse proxy would mount it.
/// </summary>
public sealed class DashboardSilo : IAsyncDisposable
{
    public const string User = "operator";
    public const string Password = "dashboard-tests-password";
    public const string Company = "acme";
    public const string ClusterSecret = "dashboard-tests-secret";

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

    private DashboardSilo(WebApplication app, string mailFolder, string pathBase, InMemoryErp? spectrum)
    {
        App = app;
        _mailFolder = mailFolder;
        Spectrum = spectrum;
        Root = new Uri(app.Urls.First() + pathBase + "/");
        DashboardUrl = new Uri(SiloDashboardExtensions.Url(app).Replace("/dashboard/", pathBase + "/dashboard/", StringComparison.Ordinal));
    }

    public WebApplication App { get; }

    /// <summary>The silo's in-memory Spectrum ERP; null when it talks to an ERP simulator.</summary>
    public InMemoryErp? Spectrum { get; }

    /// <summary>The site root, base path included.</summary>
    public Uri Root { get; }

    public Uri DashboardUrl { get; }

    /// <summary>Where other silos and clients reach this silo's grains.</summary>
    public Uri SiloEndpoint => App.Services.GetRequiredService<LocalSiloDetails>().Address!.Endpoint;

    public IClusterClient Grains => App.Services.GetRequiredService<IClusterClient>();

    /// <param name="cluster">Membership and directory shared with other silos of the test (one in-memory cluster); none: a cluster of one.</param>
    /// <param name="simulator">
    /// An ERP simulator whose Spectrum company 001 (credential <c>demo-spectrum-001</c>, as in its demo data) the
    /// silo's connectors call, with retries and circuit breaks short enough for a test; without one, in-memory ERPs.
    /// </param>
    /// <param name="configure">More silo set-up after the usual (e.g. a reminder table of the test's own).</param>
    /// <param name="settings">More command-line settings, e.g. <c>--Dashboard:Port 5123</c>.</param>
    public static async Task<DashboardSilo> StartAsync(
        string pathBase = "",
        (MemoryMembershipTable Members, MemoryGrainDirectory Directory)? cluster = null,
        ErpSimulatorServer? simulator = null,
        Action<ISiloBuilder>? configure = null,
        params string[] settings)
    {
        var mailFolder = Directory.CreateTempSubdirectory("budgetactors-dashboard-mail-").FullName;
        List<string> arguments =
        [
            "--urls", "http://127.0.0.1:0", "--Notifications:PickupFolder", mailFolder,
            "--Dashboard:Operator:User", User, "--Dashboard:Operator:Password", Password, .. settings,
        ];
        if (simulator is not null)
        {
            arguments.AddRange(
            [
                "--Erp:Spectrum:Companies:001:BaseUrl", simulator.BaseAddress.ToString(), "--Erp:Spectrum:Companies:001:AuthorizationId", "demo-spectrum-001",
                "--ErpGateway:RetryBaseDelay", "00:00:00.010", "--ErpGateway:RetryAttempts", "2", "--ErpGateway:RetryLaterDelay", "00:00:00.200",
                "--ErpGateway:BreakMinimumCalls", "2", "--ErpGateway:BreakDuration", "00:00:01",
            ]);
        }

        string[] args = [.. arguments];
        var spectrum = simulator is null ? new InMemoryErp(ErpSystem.Spectrum) : null;
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var siloSettings = builder.AddSiloSettings(args);
        builder.UseBudgetActorsSilo(silo =>
        {
            silo.UseLocalhostClustering("dashboard-tests")
                .BindSiloOptions(builder.Configuration)
                .AddBudgetWorkflow();
            if (spectrum is null)
            {
                silo.AddErpConnectors(builder.Configuration);
            }
            else
            {
                silo.AddErpConnector(spectrum).AddErpConnector(new InMemoryErp(ErpSystem.Vista));
            }

            silo.UseSiloStorage(siloSettings);
            if (cluster is { } shared)
            {
                silo.UseMemoryClustering(shared.Members, shared.Directory, Options);
            }
            else
            {
                silo.UseSiloClustering(siloSettings, builder.Configuration).Configure<ClusterOptions>(Options);
            }

            configure?.Invoke(silo);

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
        return new DashboardSilo(app, mailFolder, pathBase, spectrum);
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
        for (var i = 0; i < setups; i++)
        {
            await ConfigureCompanyAsync(Company);
        }

        await AsAsync(Company, "nobody", () => Assert.ThrowsAsync<WorkflowException>(() => Budget(Company, "no-such-project").GetAsync()));
    }

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

    /// <summary>Runs grain calls as <paramref name="userId"/> of <paramref name="company"/>, outside any other request.</summary>
    public static async Task AsAsync(string company, string userId, Func<Task> calls)
    {
        using (RequestContext.Suppress())
        {
            RequestContext.Caller = new CallerIdentity(company, userId);
            await calls();
        }
    }

    /// <summary>Sets company <paramref name="company"/> up as the silo itself would.</summary>
    public Task ConfigureCompanyAsync(string company) =>
        AsAsync(company, "system:setup", () => Grains.GetGrain<ICompanyGrain>(company).ConfigureAsync(Settings));

    /// <summary>
    /// Gives approvers <c>acme:ap-00</c>, <c>acme:ap-01</c>, ... one budget each to approve, as the workflow
    /// does when a budget is submitted; each approver grain then registers its own daily-summary reminder.
    /// </summary>
    public async Task AddPendingApprovalsAsync(int approvers)
    {
        await ConfigureCompanyAsync(Company);
        var now = App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await AsAsync(Company, "system:setup", async () =>
        {
            for (var i = 0; i < approvers; i++)
            {
                await Grains.GetGrain<IApproverGrain>($"{Company}:ap-{i:D2}").AddPendingAsync(new PendingItem(Company, $"project-{i:D2}", 1, 1000m, "pm", now));
            }
        });
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
