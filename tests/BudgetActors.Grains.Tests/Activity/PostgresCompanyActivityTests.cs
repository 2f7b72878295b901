using BudgetActors.Erp;
using BudgetActors.Testing;

namespace BudgetActors.Grains.Tests;

public sealed class PostgresCompanyActivityTests(PostgresFixture postgres) : CompanyActivityContract
{
    private PostgresDatabase _database = null!;

    public override async ValueTask InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync(nameof(PostgresCompanyActivityTests), TestContext.Current.CancellationToken);
        Silo = await WorkflowSilo.StartAsync(_database.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_activity_and_the_registry_are_read_back_after_a_silo_restart_and_carry_on()
    {
        await Silo.AddProjectAsync("tower-8", "24-002", Silo.Erp);
        var failing = await Silo.SentBudgetAsync("tower-8");
        Silo.Erp.FailNextCall(new ErpException(new ErpError("M", "Job 24-002 is missing", "Job"), isTransient: false));
        WorkflowSilo.ActAs("ap1");
        await failing.AcceptAsync(1);
        await WorkflowSilo.ExportedAsync(failing);
        await Silo.SentBudgetAsync();
        var before = await ActivityAsync();

        var first = Silo;
        await first.DisposeAsync();
        Silo = await WorkflowSilo.StartAsync(_database.ConnectionString, after: first);

        var after = await ActivityAsync();
        Assert.Equal(before.BudgetsByStatus, after.BudgetsByStatus);
        Assert.Equal(before.PendingApprovals, after.PendingApprovals);
        Assert.Equal(before.FailedToExport, after.FailedToExport);
        Assert.Equal(before.RecentEvents, after.RecentEvents);
        Assert.Equal([WorkflowSilo.Company], await CompaniesAsync());

        // A project new to the company after the restart gets a row of its own, after those read back.
        await Silo.AddProjectAsync("tower-9", "24-003", Silo.Erp);
        await Silo.SentBudgetAsync("tower-9");
        WorkflowSilo.ActAs("ap1");
        await Silo.Budget().AcceptAsync(1);
        await WorkflowSilo.ExportedAsync(Silo.Budget());

        var carried = await ActivityAsync();
        Assert.Equal(Counts((BudgetStatus.Synced, 1), (BudgetStatus.ExportFailed, 1), (BudgetStatus.PendingAcceptance, 1)), carried.BudgetsByStatus);
        Assert.Equal("tower-9", Assert.Single(carried.PendingApprovals).ProjectId);
        Assert.Equal(["Exported", "Accepted"], carried.RecentEvents.Take(2).Select(e => e.Entry.Action));
    }
}
