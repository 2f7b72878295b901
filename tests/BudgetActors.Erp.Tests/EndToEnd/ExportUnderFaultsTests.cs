
namespace BudgetActors.Erp.Tests;

/// <summary>
/// 200 budgets across 3 Spectrum and 2 Vista companies accepted at once, through real grains and real HTTP,
/// with 20 ms latency and 5% transient faults (some of them answers lost after the posting was applied).
/// </summary>
public sealed class ExportUnderFaultsTests
{
    private const int ProjectsPerCompany = 40;

    private static readonly (string Company, ErpSystem Erp, string ErpCompany)[] Companies =
    [
        ("co-s1", ErpSystem.Spectrum, "001"), ("co-s2", ErpSystem.Spectrum, "002"), ("co-s3", ErpSystem.Spectrum, "003"),
        ("co-v1", ErpSystem.Vista, "1"), ("co-v2", ErpSystem.Vista, "2"),
    ];

    private static readonly string[] CostCodes = ["01-100", "03-300", "05-100", "09-900"];

    private static readonly CompanyUser CompanyAdmin = new("admin", "Ada Admin", "admin@erp.test", ToolPermission.Admin, ToolPermission.Admin, false, false, IsCompanyAdmin: true);
    private static readonly CompanyUser ProjectManager = new("pm", "Pat Manager", "pm@erp.test", ToolPermission.Admin, ToolPermission.ReadOnly, false, false);
    private static readonly CompanyUser Approver = new("ap1", "Alex Approver", "ap1@erp.test", ToolPermission.ReadOnly, ToolPermission.Standard, true, false);

    /// <summary>Every 20th job from the 8th is closed: the ERP refuses exports to it, so those budgets must end Export failed.</summary>
    private static bool IsClosed(int project) => project % 20 == 7;

    [Fact]
    public async Task Every_budget_ends_synced_or_failed_as_the_faults_dictate_with_no_overlap_no_double_posting_and_equal_totals()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var silo = await ErpSilo.StartAsync(Data(), cancellation);
        var budgets = new List<(string Company, int Project, IBudgetGrain Budget)>();
        foreach (var (company, erp, erpCompany) in Companies)
        {
            await SetUpCompanyAsync(silo, company, erp, erpCompany);
            for (var project = 0; project < ProjectsPerCompany; project++)
            {
                budgets.Add((company, project, await SentBudgetAsync(silo, company, project)));
            }
        }

        // Faults from here on: the sends above read the ERP without them, the exports below meet them.
        foreach (var company in silo.Simulator.Erp.Companies)
        {
            company.Faults = new FaultSettings { LatencyMs = 20, TransientErrorRate = 0.03, LostResponseRate = 0.02, Seed = 4 };
        }

        await Task.WhenAll(budgets.Select(b => Task.Run(async () =>
        {
            using var acting = silo.ActAs(b.Company, Approver.UserId);
            await b.Budget.AcceptAsync(1);
        }, cancellation)));
        // One at a time: a single reader waits on the budgets while the gateways export them all.
        var views = new List<BudgetView>();
        foreach (var (company, _, budget) in budgets)
        {
            views.Add(await ExportedAsync(silo, company, budget));
        }


        for (var i = 0; i < budgets.Count; i++)
        {
            var (company, project, _) = budgets[i];
            var view = views[i];
            if (IsClosed(project))
            {
                Assert.Equal(BudgetStatus.ExportFailed, view.Status);
                Assert.Equal("Job", view.LastError!.Column?.Replace("_Number", "", StringComparison.Ordinal));
            }
            else
            {
                Assert.Equal(BudgetStatus.Synced, view.Status);
                var job = silo.Simulator.Erp.Company(Erp(company).System, Erp(company).Code).Snapshot().Single(j => j.Job == Job(project));
                Assert.Equal((view.TotalOriginal, view.TotalRevised), (job.Phases.Sum(p => p.OriginalEstimate), job.Phases.Sum(p => p.CurrentEstimate)));
            }
        }

        foreach (var company in silo.Simulator.Erp.Companies)
        {
            var journal = company.Journal();
            Assert.Empty(journal.Overlaps);
            Assert.Empty(journal.DoublePostings);
            Assert.Contains(journal.Entries, e => e.Outcome.Contains("lost-response", StringComparison.Ordinal));
            var synced = views.Where((v, i) => budgets[i].Company == Companies.Single(c => c.ErpCompany == company.Code && c.Erp.ToString() == company.System.ToString()).Company && v.Status == BudgetStatus.Synced);
            Assert.Equal(synced.Sum(v => v.TotalRevised), company.Snapshot().Sum(j => j.Phases.Sum(p => p.CurrentEstimate)));
        }

        Assert.Equal(10, views.Count(v => v.Status == BudgetStatus.ExportFailed));
    }

    private static (SimulatedSystem System, string Code) Erp(string company)
    {
        var (_, erp, code) = Companies.Single(c => c.Company == company);
        return (erp == ErpSystem.Spectrum ? SimulatedSystem.Spectrum : SimulatedSystem.Vista, code);
    }

    private static string Job(int project) => $"J-{project:000}";

    private static SimulatorData Data() => new()
    {
        Companies = [.. Companies.Select(c => new CompanyData(
            c.Erp == ErpSystem.Spectrum ? SimulatedSystem.Spectrum : SimulatedSystem.Vista, c.ErpCompany, $"secret-{c.Company}", CostCodes,
            [.. Enumerable.Range(0, ProjectsPerCompany).Select(p => new JobData(Job(p), $"Project {p}", [], Closed: IsClosed(p)))]))],
    };

    private static async Task SetUpCompanyAsync(ErpSilo silo, string company, ErpSystem erp, string erpCompany)
    {
        using var acting = silo.ActAs(company, "system:setup");
        var grain = silo.Client.GetGrain<ICompanyGrain>(company);
        await grain.ConfigureAsync(new CompanySettings(erp, erpCompany, "America/Chicago", new TimeOnly(7, 0)));
        await grain.SaveUserAsync(CompanyAdmin);
        await grain.SaveUserAsync(ProjectManager);
        await grain.SaveUserAsync(Approver);
        for (var project = 0; project < ProjectsPerCompany; project++)
        {
            await grain.LinkProjectAsync(new ProjectLink($"p-{project}", Job(project), JobSynced: true));
        }
    }

    /// <summary>Three lines with amounts that differ per budget; every third budget also carries a budget change.</summary>
    private static async Task<IBudgetGrain> SentBudgetAsync(ErpSilo silo, string company, int project)
    {
        using var acting = silo.ActAs(company, ProjectManager.UserId);
        var budget = silo.Client.GetGrain<IBudgetGrain>(BudgetKey.Of(company, $"p-{project}"));
        await budget.CreateAsync();
        for (var line = 0; line < 3; line++)
        {
            await budget.AddLineAsync(new BudgetLine(CostCodes[line], "L", $"Line {line}", 1_000.25m * (project + 1) + (line * 317.10m)));
        }

        await budget.LockAsync();
        if (project % 3 == 0)
        {
            await budget.AddChangeAsync(new BudgetChange("BC-1", CostCodes[1], "L", 2_500.50m, "Extra scope"));
        }

        await budget.SendAsync();
        return budget;
    }

    /// <summary>
    /// Reads the budget again, yielding in between, until the gateway has reported on its export (the grains
    /// finish it on their own threads). The real-time guard only keeps a broken build from hanging the run.
    /// </summary>
    private static async Task<BudgetView> ExportedAsync(ErpSilo silo, string company, IBudgetGrain budget)
    {
        using var acting = silo.ActAs(company, ProjectManager.UserId);
        var guard = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var view = await budget.GetAsync();
            if (view.Status != BudgetStatus.Exporting)
            {
                return view;
            }

            Assert.True(DateTime.UtcNow < guard, "The export did not finish within a minute.");
            await Task.Yield();
        }
    }
}
