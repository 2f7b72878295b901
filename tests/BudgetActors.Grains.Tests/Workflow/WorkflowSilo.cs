using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using BudgetActors.Erp;
using BudgetActors.Grains.Notifications;
using BudgetActors.Grains.Security;
using BudgetActors.Grains.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Providers;
using Orleans.Reminders;
using Orleans.Storage;
using Orleans.TestingHost;

namespace BudgetActors.Grains.Tests;

/// <summary>
/// An Orleans test cluster (one silo, or more) hosting the workflow on a fake clock, with in-memory Spectrum
/// and Vista ERPs and a company "acme" (Spectrum company 001) whose directory and project links are set up as
/// the seed pages describe. Tests call through the cluster's client, a real client: who they act as is the API
/// token they call with (<see cref="ActAs"/>); set-up runs inside the silo as <c>system:setup</c>.
/// </summary>
public sealed class WorkflowSilo : IAsyncDisposable
{
    public const string Company = "acme";
    public const string Project = "tower-7";
    public const string Job = "24-001";

    /// <summary>A user with a token of company acme who is not in its directory.</summary>
    public const string Stranger = "stranger";

    // Orleans' own maintenance loops (membership, messaging deadlines, directory, activation collection) keep
    // real time: on the fake clock a silo would never find its cluster, or would time out every call at a jump.
    private static readonly string[] s_realTimeAreas =
    [
        TimeProviderNames.Messaging,
        TimeProviderNames.SystemTimers,
        TimeProviderNames.Membership,
        TimeProviderNames.ActivationManagement,
        TimeProviderNames.GrainDirectory,
    ];

    private readonly InProcessTestCluster _cluster;
    private readonly ReminderWatch _reminders;

    private WorkflowSilo(InProcessTestCluster cluster, ReminderWatch reminders, FakeTimeProvider time, InMemoryErp spectrum, InMemoryErp vista, string mailFolder, string serviceId)
    {
        _cluster = cluster;
        _reminders = reminders;
        MailFolder = mailFolder;
        Time = time;
        Spectrum = spectrum;
        Vista = vista;
        ServiceId = serviceId;
    }

    public FakeTimeProvider Time { get; }

    public InMemoryErp Spectrum { get; }

    public InMemoryErp Vista { get; }

    /// <summary>The cluster's client: a client app, outside the silos.</summary>
    public IClusterClient Client => _cluster.Client;

    /// <summary>The cluster's silos, the first one first.</summary>
    public IReadOnlyList<InProcessSiloHandle> Silos => _cluster.Silos;

    /// <summary>The pickup folder the silos write emails to (a temporary folder of this cluster's own).</summary>
    public string MailFolder { get; }

    /// <summary>The Orleans service id: what a restarted cluster keeps to find its state again.</summary>
    public string ServiceId { get; }

    /// <summary>The first silo's services (the in-process code of the silo: REST API, set-up).</summary>
    public IServiceProvider Services => _cluster.Silos[0].ServiceProvider;

    /// <summary>The grain storage the workflow's state lives in (for tests that look at or plant stored rows).</summary>
    public IGrainStorage Storage => Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

    public INotificationOutbox Outbox => Services.GetRequiredService<INotificationOutbox>();

    public IApiTokenStore Tokens => Services.GetRequiredService<IApiTokenStore>();

    public NotificationSender Sender => Services.GetRequiredService<NotificationSender>();

    public InMemoryErpCompany Erp => Spectrum.Company("001");

    /// <summary>Starts a cluster; <paramref name="connectionString"/> keeps state and reminders in PostgreSQL instead of memory.</summary>
    /// <param name="after">A cluster this one replaces on the same database: its clock and ERPs carry on, and nothing is set up again.</param>
    /// <param name="silos">How many silos: two where a call crossing silos is what a test is about.</param>
    public static async Task<WorkflowSilo> StartAsync(string? connectionString = null, WorkflowSilo? after = null, short silos = 1)
    {
        var time = after?.Time ?? new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
        var (spectrum, vista) = after is null ? (new InMemoryErp(ErpSystem.Spectrum), new InMemoryErp(ErpSystem.Vista)) : (after.Spectrum, after.Vista);
        var mailFolder = Directory.CreateTempSubdirectory("budgetactors-mail-").FullName;
        var serviceId = after?.ServiceId ?? "workflow-" + Guid.NewGuid().ToString("N");

        // In memory, the silos share one outbox and one token store, as silos on one database share its tables.
        var outbox = new MemoryNotificationOutbox();
        var tokens = new MemoryApiTokenStore();
        // The silos' own code marks its calls with a secret every silo of the cluster knows.
        var clusterSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TimeProvider>(time);
            silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, time);
            silo.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, time);
            foreach (var area in s_realTimeAreas)
            {
                silo.Services.AddKeyedSingleton(area, TimeProvider.System);
            }

            if (connectionString is null)
            {
                silo.Services.AddSingleton<INotificationOutbox>(outbox);
                silo.Services.AddSingleton<IApiTokenStore>(tokens);
            }

            silo.AddBudgetWorkflow(o =>
                {
                    o.RetryBaseDelay = TimeSpan.Zero;
                    o.RetryAttempts = 2;
                    o.BreakMinimumCalls = 6;
                })
                .AddErpConnector(spectrum)
                .AddErpConnector(vista)
                .Configure<NotificationOptions>(o => o.PickupFolder = mailFolder)
                .Configure<SiloCallerOptions>(o => o.ClusterSecret = clusterSecret)
                .Configure<ReminderOptions>(o =>
                {
                    o.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
                    // Every reminder stays loaded, waiting on the fake clock: none is left for a table refresh to find.
                    o.ReminderLoadingWindow = TimeSpan.FromDays(3650);
                });
            if (connectionString is null)
            {
                silo.AddMemoryGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME).UseInMemoryReminderService();
            }
            else
            {
                silo.UsePostgresWorkflowStore(connectionString);
            }
        });

        var reminders = new ReminderWatch();
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            reminders.Dispose();
            await cluster.DisposeAsync();
            throw;
        }

        foreach (var handle in cluster.Silos)
        {
            reminders.Watch(handle.SiloAddress);
        }

        var workflow = new WorkflowSilo(cluster, reminders, time, spectrum, vista, mailFolder, serviceId);
        if (after is null)
        {
            await workflow.SetUpCompanyAsync(Company, ErpSystem.Spectrum, "001");
            spectrum.Company("001").WithCostCodes("03-300", "05-100", "09-900").WithJob(Job, "Tower 7");
        }

        return workflow;
    }

    /// <summary>
    /// Makes the calls of this test flow act as <paramref name="userId"/> of <paramref name="company"/>: they carry
    /// that user's API token (issued when the company was set up), as the client library sends it.
    /// </summary>
    public static void ActAs(string userId, string company = Company) => CallerContext.Token = TokenOf(company, userId);

    /// <summary>
    /// The API token each test user of each company gets at set-up. Fixed per user, so that a test flow can switch
    /// who it acts as without the cluster at hand; the silo knows only its hash, as for any token.
    /// </summary>
    public static string TokenOf(string company, string userId) =>
        ApiTokenFormat.Prefix + Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($"test-token/{company}/{userId}")));

    /// <summary>
    /// Makes the calls of this flow, through the first silo's <see cref="IGrainFactory"/>, act as
    /// <paramref name="caller"/>: the silo's own code does this (REST API, set-up), never a client app.
    /// </summary>
    public IDisposable InSilo(CallerIdentity caller) => Services.GetRequiredService<SiloCallers>().ActAs(caller);

    /// <summary>The first silo's grain factory, for calls made <see cref="InSilo"/>.</summary>
    public IGrainFactory SiloGrains => Services.GetRequiredService<IGrainFactory>();

    public IBudgetGrain Budget(string project = Project, string company = Company) => Client.GetGrain<IBudgetGrain>(BudgetKey.Of(company, project));

    public IApproverGrain Approver(string userId, string company = Company) => Client.GetGrain<IApproverGrain>($"{company}:{userId}");

    /// <summary>Configures <paramref name="company"/>, fills its directory with the test people and issues each a token.</summary>
    public async Task SetUpCompanyAsync(string company, ErpSystem erp, string erpCompany)
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var userId in People.All.Select(u => u.UserId).Append(Stranger))
        {
            if (await Tokens.AuthenticateAsync(TokenOf(company, userId), ct) is not null)
            {
                continue; // the company is being configured again
            }

            var info = new ApiTokenInfo(ApiTokenFormat.NewTokenId(), company, userId, "tests", Time.GetUtcNow(), "system:setup");
            await Tokens.AddAsync(info, ApiTokenFormat.Hash(TokenOf(company, userId)), ct);
        }

        using (InSilo(new CallerIdentity(company, "system:setup")))
        {
            var grain = SiloGrains.GetGrain<ICompanyGrain>(company);
            await grain.ConfigureAsync(new CompanySettings(erp, erpCompany, "America/Chicago", new TimeOnly(7, 0)));
            foreach (var user in People.All)
            {
                await grain.SaveUserAsync(user);
            }

            await grain.LinkProjectAsync(new ProjectLink(Project, Job, JobSynced: true));
        }
    }

    /// <summary>
    /// A budget created, with two lines, locked and sent by the project manager. (Who the caller is does not
    /// flow back out of this method: callers say who acts next.)
    /// </summary>
    public async Task<IBudgetGrain> SentBudgetAsync(string project = Project, string company = Company)
    {
        ActAs("pm", company);
        var budget = Budget(project, company);
        await budget.CreateAsync();
        await budget.AddLineAsync(Budgets.Concrete);
        await budget.AddLineAsync(Budgets.Steel);
        await budget.LockAsync();
        await budget.SendAsync();
        return budget;
    }

    /// <summary>Links another project of <paramref name="company"/> to its own synced job in the ERP.</summary>
    public async Task AddProjectAsync(string project, string job, InMemoryErpCompany erp, string company = Company)
    {
        erp.WithJob(job, project);
        using (InSilo(new CallerIdentity(company, "system:setup")))
        {
            await SiloGrains.GetGrain<ICompanyGrain>(company).LinkProjectAsync(new ProjectLink(project, job, JobSynced: true));
        }
    }

    /// <summary>
    /// Moves the fake clock forward once every reminder of the cluster waits on it (so a tick due on the way
    /// fires, with the clock at the new time), and every timer due on the way fires.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan delta)
    {
        await UntilAsync(() => Task.FromResult(_reminders.AllWaiting));
        Time.Advance(delta);
    }

    /// <summary>Moves <paramref name="grain"/>'s activation to silo number <paramref name="silo"/> (deactivated here, activated there).</summary>
    public async Task MoveAsync(IAddressable grain, int silo)
    {
        var target = _cluster.Silos[silo].SiloAddress;
        Assert.True(_cluster.TryGetGrainContext(grain.GetGrainId(), out var activation), $"{grain.GetGrainId()} is not active: there is nothing to move.");

        // Orleans does not migrate a grain to the silo it is on, and the wait for its deactivation would last
        // until idle collection (a quarter of an hour).
        if (!target.Equals(activation.Address.SiloAddress))
        {
            await _cluster.MigrateAsync(grain, target);
            Assert.True(_cluster.TryGetGrainContext(grain.GetGrainId(), out activation) is false || target.Equals(activation.Address.SiloAddress));
        }
    }

    /// <summary>Deactivates <paramref name="grain"/>; its next call activates it again.</summary>
    public Task DeactivateAsync(IAddressable grain) => _cluster.DeactivateAsync(grain);

    /// <summary>How many reminder ticks <paramref name="grain"/> has been delivered (or failed) so far.</summary>
    public int TicksOf(GrainId grain) => _reminders.TicksOf(grain);

    /// <summary>Waits until <paramref name="grain"/> holds a reminder that waits on the fake clock.</summary>
    public Task ReminderWaitingAsync(GrainId grain) => UntilAsync(() => Task.FromResult(_reminders.IsWaiting(grain)));

    /// <summary>Waits (without sleeping) until the ERP gateway has reported on the budget's export.</summary>
    public static async Task<BudgetView> ExportedAsync(IBudgetGrain budget)
    {
        BudgetView view = null!;
        await UntilAsync(async () => (view = await budget.GetAsync()).Status != BudgetStatus.Exporting);
        return view;
    }

    /// <summary>
    /// Yields until <paramref name="condition"/> holds: for work the grains finish on their own threads.
    /// The real-time guard only keeps a broken build from hanging the run.
    /// </summary>
    public static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var guard = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < guard, "The condition did not come true within 20 seconds.");
            await Task.Yield();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reminders.Dispose();
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        Directory.Delete(MailFolder, recursive: true);
    }
}
