using BudgetActors.Testing;

namespace BudgetActors.Grains.Tests;

/// <summary>Importing a Spectrum budget (first time, Keep, Override, re-import) and the Vista rules, through the grains.</summary>
public sealed class ImportScenarioTests(PostgresFixture postgres) : PostgresWorkflowTest(postgres)
{
    [Fact]
    public async Task Importing_a_spectrum_budget_creates_lines_only_for_estimates_above_zero()
    {
        Silo.Erp.WithJob(WorkflowSilo.Job, "Tower 7", SpectrumJobs.Tower7);
        WorkflowSilo.ActAs("ap1");

        await Silo.Budget().ImportAsync(ImportMode.Keep);

        var view = await Silo.Budget().GetAsync();
        Assert.Equal([("03-300", 130_000m), ("09-900", 8_250.50m)], view.Lines.Select(l => (l.CostCode, l.Original)));
        Assert.Equal((BudgetStatus.Unlocked, "ap1"), (view.Status, view.CreatedBy));
    }

    [Fact]
    public async Task Keep_adds_only_new_combinations_and_override_replaces_the_lines()
    {
        WorkflowSilo.ActAs("pm");
        await Silo.Budget().CreateAsync();
        await Silo.Budget().AddLineAsync(Budgets.Concrete);
        Silo.Erp.WithJob(WorkflowSilo.Job, "Tower 7", SpectrumJobs.Tower7);
        WorkflowSilo.ActAs("ap2");

        await Silo.Budget().ImportAsync(ImportMode.Keep);
        Assert.Equal([("03-300", 125_000m), ("09-900", 8_250.50m)], (await Silo.Budget().GetAsync()).Lines.Select(l => (l.CostCode, l.Original)));

        await Silo.Budget().ImportAsync(ImportMode.Override);
        Assert.Equal([("03-300", 130_000m), ("09-900", 8_250.50m)], (await Silo.Budget().GetAsync()).Lines.Select(l => (l.CostCode, l.Original)));
    }

    [Fact]
    public async Task A_reimport_brings_later_erp_changes_over_after_a_preview_of_the_totals()
    {
        Silo.Erp.WithJob(WorkflowSilo.Job, "Tower 7", SpectrumJobs.Tower7);
        WorkflowSilo.ActAs("ap1");
        await Silo.Budget().ImportAsync(ImportMode.Keep);
        Silo.Erp.WithJob(WorkflowSilo.Job, "Tower 7", [.. SpectrumJobs.Tower7[..2], new("09-900", "L", "Paint", 9_000m, 0m), SpectrumJobs.Tower7[3]]);

        var preview = await Silo.Budget().PreviewImportAsync(ImportMode.Override);

        Assert.Equal(new ReimportPreview(139_000m, 138_250.50m, 139_000m, LinesAdded: 0, LinesUpdated: 1), preview);
        Assert.Equal(138_250.50m, (await Silo.Budget().GetAsync()).TotalOriginal);
        await Silo.Budget().ImportAsync(ImportMode.Override);
        Assert.Equal(139_000m, (await Silo.Budget().GetAsync()).TotalOriginal);
    }

    [Fact]
    public async Task Importing_into_a_locked_budget_is_refused_until_it_is_unlocked()
    {
        WorkflowSilo.ActAs("pm");
        await Silo.Budget().CreateAsync();
        await Silo.Budget().LockAsync();
        WorkflowSilo.ActAs("ap1");

        var error = await Assert.ThrowsAsync<WorkflowException>(() => Silo.Budget().ImportAsync(ImportMode.Keep));

        Assert.Equal(WorkflowErrorCode.WrongState, error.Code);
    }

    [Fact]
    public async Task A_vista_company_exports_budgets_but_has_no_budget_import()
    {
        await Silo.SetUpCompanyAsync("builders", ErpSystem.Vista, "1");
        Silo.Vista.Company("1").WithCostCodes("03-300", "05-100").WithJob(WorkflowSilo.Job, "Tower 7");
        var budget = await Silo.SentBudgetAsync(company: "builders");
        WorkflowSilo.ActAs("ap1", "builders");
        await budget.AcceptAsync(1);
        Assert.Equal(BudgetStatus.Synced, (await WorkflowSilo.ExportedAsync(budget)).Status);
        Assert.Equal(125_000m, Silo.Vista.Company("1").Phase(WorkflowSilo.Job, "03-300", "M")!.OriginalEstimate);

        var error = await Assert.ThrowsAsync<WorkflowException>(() => Silo.Budget("other-project", "builders").ImportAsync(ImportMode.Keep));
        Assert.Equal(WorkflowErrorCode.NotSupported, error.Code);
        Assert.Contains("Vista has no budget import", error.Message);
    }

    [Fact]
    public async Task A_first_export_to_a_job_that_already_holds_estimates_is_refused()
    {
        Silo.Erp.WithJob(WorkflowSilo.Job, "Tower 7", SpectrumJobs.Tower7);

        var error = await Assert.ThrowsAsync<WorkflowException>(() => Silo.SentBudgetAsync());

        Assert.Equal(WorkflowErrorCode.JobHasEstimates, error.Code);
    }
}
