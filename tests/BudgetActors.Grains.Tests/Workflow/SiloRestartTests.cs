using BudgetActors.Testing;

namespace BudgetActors.Grains.Tests;

public sealed class SiloRestartTests(PostgresFixture postgres) : IAsyncLifetime
{
    private PostgresDatabase _database = null!;

    public async ValueTask InitializeAsync() =>
        _database = await postgres.CreateDatabaseAsync(nameof(SiloRestartTests), TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_silo_restart_between_accept_and_export_completion_loses_nothing_and_posts_once()
    {
        var first = await WorkflowSilo.StartAsync(_database.ConnectionString);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        first.Spectrum.PostingGate = gate;
        var budget = await first.SentBudgetAsync();
        WorkflowSilo.ActAs("ap1");
        await budget.AcceptAsync(1);
        await WorkflowSilo.UntilAsync(() => Task.FromResult(first.Erp.HeldPostings.Count == 1));

        // The silo goes away with the export in flight at the ERP.
        await first.DisposeAsync();
        first.Spectrum.PostingGate = null;
        await using var second = await WorkflowSilo.StartAsync(_database.ConnectionString, after: first);
        budget = second.Budget();
        WorkflowSilo.ActAs("pm");
        Assert.Equal(BudgetStatus.Exporting, (await budget.GetAsync()).Status);

        // The ERP finishes the first attempt late; the queue, durable in PostgreSQL, sends it again.
        gate.SetResult();
        await second.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(BudgetStatus.Synced, (await WorkflowSilo.ExportedAsync(budget)).Status);
        // Two reads when sending, then both posting attempts: the stopped silo's late one and the retry
        // (a busy machine may add a retry; what matters is that the ERP applied the posting once).
        await WorkflowSilo.UntilAsync(() => Task.FromResult(second.Erp.Calls >= 4));
        Assert.Equal(1, second.Erp.PostingsApplied);
        Assert.Single(second.Erp.Postings);
    }

    [Fact]
    public async Task A_silo_restart_with_several_exports_waiting_finds_each_again_and_posts_each_once_in_order()
    {
        var first = await WorkflowSilo.StartAsync(_database.ConnectionString);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var projects = new[] { WorkflowSilo.Project, "tower-8", "tower-9" };
        await first.AddProjectAsync("tower-8", "24-002", first.Erp);
        await first.AddProjectAsync("tower-9", "24-003", first.Erp);
        foreach (var project in projects)
        {
            await first.SentBudgetAsync(project);
        }

        first.Spectrum.PostingGate = gate;
        WorkflowSilo.ActAs("ap1");
        foreach (var project in projects)
        {
            await first.Budget(project).AcceptAsync(1);
        }

        await WorkflowSilo.UntilAsync(() => Task.FromResult(first.Erp.HeldPostings.Count == 1));

        // The silo goes away with the first export in flight and two more waiting behind it.
        await first.DisposeAsync();
        first.Spectrum.PostingGate = null;
        await using var second = await WorkflowSilo.StartAsync(_database.ConnectionString, after: first);
        gate.SetResult();
        await second.AdvanceAsync(TimeSpan.FromMinutes(1));

        WorkflowSilo.ActAs("pm");
        foreach (var project in projects)
        {
            Assert.Equal(BudgetStatus.Synced, (await WorkflowSilo.ExportedAsync(second.Budget(project))).Status);
        }

        Assert.Equal(3, second.Erp.PostingsApplied);
        Assert.Equal(["acme:tower-7#1", "acme:tower-8#1", "acme:tower-9#1"], second.Erp.Postings.Select(p => p.IdempotencyKey));
    }
}
