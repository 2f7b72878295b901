using static BudgetActors.Grains.Tests.Budgets;
using static BudgetActors.Grains.Tests.People;

namespace BudgetActors.Grains.Tests;

public sealed class BudgetImportTests
{
    [Fact]
    public void Only_items_with_an_estimate_above_zero_become_lines()
    {
        var lines = BudgetImport.LinesFrom(SpectrumJobs.Tower7);

        Assert.Equal([new LineKey("03-300", "M"), new LineKey("09-900", "L")], lines.Select(l => l.Key));
    }

    [Fact]
    public void Importing_into_a_project_without_a_budget_creates_it()
    {
        var budget = new BudgetState().Import(Approver, ErpSystem.Spectrum, SyncedJob, SpectrumJobs.Tower7, ImportMode.Keep, Monday);

        Assert.Equal((BudgetStatus.Unlocked, "ap1", 138_250.50m), (budget.Status, budget.CreatedBy, budget.TotalOriginal));
    }

    [Fact]
    public void Override_replaces_the_lines_with_the_erps()
    {
        var budget = Unlocked().Import(Approver, ErpSystem.Spectrum, SyncedJob, SpectrumJobs.Tower7, ImportMode.Override, Monday);

        Assert.Equal([("03-300", 130_000m), ("09-900", 8_250.50m)], budget.Lines.Select(l => (l.CostCode, l.OriginalAmount)));
    }

    [Fact]
    public void Keep_keeps_existing_lines_and_adds_only_new_combinations()
    {
        var budget = Unlocked().Import(Approver, ErpSystem.Spectrum, SyncedJob, SpectrumJobs.Tower7, ImportMode.Keep, Monday);

        Assert.Equal([("03-300", 125_000m), ("05-100", 340_500.50m), ("09-900", 8_250.50m)], budget.Lines.Select(l => (l.CostCode, l.OriginalAmount)));
    }

    [Fact]
    public void A_reimport_preview_shows_the_erp_total_the_budget_total_and_the_new_total_and_changes_nothing()
    {
        var budget = Unlocked();

        var preview = budget.Preview(SpectrumJobs.Tower7, ImportMode.Override);

        Assert.Equal(new ReimportPreview(138_250.50m, 465_500.50m, 138_250.50m, LinesAdded: 1, LinesUpdated: 1), preview);
        Assert.Equal(465_500.50m, budget.TotalOriginal);
    }

    [Fact]
    public void Vista_has_no_budget_import()
    {
        var error = Assert.Throws<WorkflowException>(() => Unlocked().Import(Approver, ErpSystem.Vista, SyncedJob, SpectrumJobs.Tower7, ImportMode.Keep, Monday));

        Assert.Equal(WorkflowErrorCode.NotSupported, error.Code);
        Assert.Contains("Vista has no budget import", error.Message);
    }

    [Fact]
    public void Import_needs_an_unlocked_budget_a_synced_job_and_standard_on_erp_integrations()
    {
        Assert.Equal(WorkflowErrorCode.WrongState, Refusal(() => Locked().Import(Approver, ErpSystem.Spectrum, SyncedJob, SpectrumJobs.Tower7, ImportMode.Keep, Monday)));
        Assert.Equal(WorkflowErrorCode.JobNotSynced, Refusal(() => Unlocked().Import(Approver, ErpSystem.Spectrum, SyncedJob with { JobSynced = false }, SpectrumJobs.Tower7, ImportMode.Keep, Monday)));
        Assert.Equal(WorkflowErrorCode.PermissionDenied, Refusal(() => Unlocked().Import(ProjectManager, ErpSystem.Spectrum, SyncedJob, SpectrumJobs.Tower7, ImportMode.Keep, Monday)));
    }

    [Fact]
    public void Override_never_drops_a_line_that_has_budget_changes()
    {
        var changed = Synced()
            .AddChange(new BudgetChange("BC-1", "05-100", "S", 100m, ""), ProjectManager, Monday)
            .Unlock(ProjectManager, syncedBack: true, Monday);

        Assert.Equal(WorkflowErrorCode.WrongState, Refusal(() => changed.Import(Approver, ErpSystem.Spectrum, SyncedJob, SpectrumJobs.Tower7, ImportMode.Override, Monday)));
    }
}
