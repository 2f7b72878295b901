using BudgetActors.Erp;
using BudgetActors.Grains.Notifications;
using BudgetActors.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BudgetActors.Grains.Tests;

/// <summary>
/// A silo hosting the workflow on a fake clock, with in-memory Spectrum and Vista ERPs and a company
/// "acme" (Spectrum company 001) whose directory and project links are set up as the seed pages describe.
/// </summary>
public sealed class WorkflowSilo : IAsyncDisposable
{
    public const string Company = "acme";
    public const string Project = "tower-7";
    public const string Job = "24-001";

    private readonly IHost _host;

    private WorkflowSilo(IHost host, FakeTimeProvider time, InMemoryErp spectrum, InMemoryErp vista, string mailFolder)
    {
        _host = host;
        MailFolder = mailFolder;
        Time = time;
        Spectrum = spectrum;
        Vista = vista;
    }

    public FakeTimeProvider Time { get; }

    public InMemoryErp Spectrum { get; }

    public InMemoryErp Vista { get; }

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>The pickup folder the silo writes emails to (a temporary folder of this silo's own).</summary>
    public string MailFolder { get; }

    /// <summary>The grain storage the workflow's state lives in (for tests that look at or plant stored rows).</summary>
    public IGrainStorage Storage => _host.Services.GetRequiredKeyedService<IGrainStorage>(PersistentStateAttribute.DefaultStorage);

    public INotificationOutbox Outbox => _host.Services.GetRequiredService<INotificationOutbox>();

    public NotificationSender Sender => _host.Services.GetRequiredService<NotificationSender>();

    public InMemoryErpCompany Erp => Spectrum.Company("001");

    /// <summary>Starts a silo; <paramref name="connectionString"/> keeps state and reminders in PostgreSQL instead of memory.</summary>
    /// <param name="after">A silo this one replaces on the same database: its clock and ERPs carry on, and nothing is set up again.</param>
    public static async Task<WorkflowSilo> StartAsync(string? connectionString = null, WorkflowSilo? after = null)
    {
        var time = after?.Time ?? new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
        var (spectrum, vista) = after is null ? (new InMemoryErp(ErpSystem.Spectrum), new InMemoryErp(ErpSystem.Vista)) : (after.Spectrum, after.Vista);
        var mailFolder = Directory.CreateTempSubdirectory("budgetactors-mail-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.UseBudgetActorsSilo(silo =>
        {
            silo.UseLocalhostClustering("workflow-tests")
                .AddBudgetWorkflow(o =>
                {
                    o.RetryBaseDelay = TimeSpan.Zero;
                    o.RetryAttempts = 2;
                    o.BreakMinimumCalls = 6;
                })
                .AddErpConnector(spectrum)
                .AddErpConnector(vista)
                .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1))
                .Configure<NotificationOptions>(o => o.PickupFolder = mailFolder);
            if (connectionString is null)
            {
                silo.AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorage).UseInMemoryReminders();
            }
            else
            {
                silo.AddPostgresGrainStorage(PersistentStateAttribute.DefaultStorage, o => o.ConnectionString = connectionString)
                    .UsePostgresReminders(o => o.ConnectionString = connectionString)
                    .UsePostgresNotificationOutbox(o => o.ConnectionString = connectionString);
            }
        });
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var silo = new WorkflowSilo(host, time, spectrum, vista, mailFolder);
        if (after is null)
        {
            await silo.SetUpCompanyAsync(Company, ErpSystem.Spectrum, "001");
            spectrum.Company("001").WithCostCodes("03-300", "05-100", "09-900").WithJob(Job, "Tower 7");
        }

        return silo;
    }

    /// <summary>Makes the calls of this test flow act as <paramref name="userId"/> of <paramref name="company"/>.</summary>
    public static void ActAs(string userId, string company = Company) => RequestContext.Caller = new CallerIdentity(company, userId);

    public IBudgetGrain Budget(string project = Project, string company = Company) => Client.GetGrain<IBudgetGrain>(BudgetKey.Of(company, project));

    public IApproverGrain Approver(string userId, string company = Company) => Client.GetGrain<IApproverGrain>($"{company}:{userId}");

    public async Task SetUpCompanyAsync(string company, ErpSystem erp, string erpCompany)
    {
        RequestContext.Caller = new CallerIdentity(company, "system:setup");
        var grain = Client.GetGrain<ICompanyGrain>(company);
        await grain.ConfigureAsync(new CompanySettings(erp, erpCompany, "America/Chicago", new TimeOnly(7, 0)));
        foreach (var user in People.All)
        {
            await grain.SaveUserAsync(user);
        }

        await grain.LinkProjectAsync(new ProjectLink(Project, Job, JobSynced: true));
        RequestContext.Caller = null;
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
        RequestContext.Caller = new CallerIdentity(company, "system:setup");
        await Client.GetGrain<ICompanyGrain>(company).LinkProjectAsync(new ProjectLink(project, job, JobSynced: true));
        RequestContext.Caller = null;
    }

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
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        Directory.Delete(MailFolder, recursive: true);
    }
}
