using BudgetActors.Erp;

namespace BudgetActors.Grains.Tests;

public sealed class ErpGatewayResilienceTests : MemoryWorkflowTest
{
    /// <summary>The company's ERP queue as a user with ERP Integrations access reads it (the gateway itself answers only the workflow).</summary>
    private async Task<ErpQueueView> QueueAsync()
    {
        WorkflowSilo.ActAs("ap1");
        return (await Silo.Client.GetGrain<ICompanyGrain>(WorkflowSilo.Company).GetErpQueueAsync())!;
    }

    [Fact]
    public async Task Transient_failures_are_retried_and_the_export_goes_through_once()
    {
        var budget = await Silo.SentBudgetAsync();
        Silo.Erp.FailNextCall(Transient());
        Silo.Erp.FailNextCall(Transient());

        WorkflowSilo.ActAs("ap1");
        await budget.AcceptAsync(1);

        Assert.Equal(BudgetStatus.Synced, (await WorkflowSilo.ExportedAsync(budget)).Status);
        Assert.Equal(1, Silo.Erp.PostingsApplied);
        Assert.Equal(2, (await QueueAsync()).Retries);
    }

    [Fact]
    public async Task An_erp_that_keeps_failing_opens_the_circuit_and_the_queue_waits_without_losing_the_export()
    {
        // Sending read the job and the cost codes (2 good calls). The export then fails 3 times (5 calls, not
        // enough to judge); on the retry a 4th failure makes 6 calls, 4 failed: over half, so the circuit opens.
        var budget = await Silo.SentBudgetAsync();
        for (var i = 0; i < 4; i++)
        {
            Silo.Erp.FailNextCall(Transient());
        }

        WorkflowSilo.ActAs("ap1");
        await budget.AcceptAsync(1);
        var deferred = await NextAttemptAsync();
        Assert.Equal(Silo.Time.GetUtcNow().AddSeconds(10), deferred.NextAttemptAt);
        Assert.False(deferred.CircuitOpen);

        await Silo.AdvanceAsync(TimeSpan.FromSeconds(10));
        var open = await NextAttemptAsync();
        Assert.True(open.CircuitOpen);
        Assert.Equal((1, new ErpError("A", "Connection reset by peer", null)), (open.Depth, open.LastError));
        Assert.Equal(Silo.Time.GetUtcNow().AddSeconds(30), open.NextAttemptAt);
        Assert.Equal(BudgetStatus.Exporting, (await budget.GetAsync()).Status);

        await Silo.AdvanceAsync(TimeSpan.FromSeconds(30)); // break over: the next call goes through
        Assert.Equal(BudgetStatus.Synced, (await WorkflowSilo.ExportedAsync(budget)).Status);
        Assert.Equal(1, Silo.Erp.PostingsApplied);
        Assert.False((await QueueAsync()).CircuitOpen);
    }

    [Fact]
    public async Task A_budget_that_could_not_take_its_report_gets_it_again_at_the_next_attempt_and_the_erp_is_posted_once()
    {
        var budget = await Silo.SentBudgetAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Silo.Spectrum.PostingGate = gate;
        WorkflowSilo.ActAs("ap1");
        await budget.AcceptAsync(1);
        await WorkflowSilo.UntilAsync(() => Task.FromResult(Silo.Erp.HeldPostings.Count == 1));

        // While the ERP holds the posting, another writer rewrites the budget's row (same content, a new ETag):
        // the budget's write of the report fails, and Orleans deactivates it.
        var ct = TestContext.Current.CancellationToken;
        var row = new StoredState<BudgetState>(null!);
        await Silo.Storage.ReadStateAsync("budget", budget.GetGrainId(), row, ct);
        await Silo.Storage.WriteStateAsync("budget", budget.GetGrainId(), row, ct);
        gate.SetResult();

        var deferred = await NextAttemptAsync();
        Assert.Equal(Silo.Time.GetUtcNow().AddSeconds(10), deferred.NextAttemptAt);
        Assert.Equal(1, deferred.Depth);

        await Silo.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(BudgetStatus.Synced, (await WorkflowSilo.ExportedAsync(budget)).Status);
        Assert.Equal(1, Silo.Erp.PostingsApplied);
    }

    /// <summary>Waits until the gateway has put its job off and says when it tries again.</summary>
    private async Task<ErpQueueView> NextAttemptAsync()
    {
        ErpQueueView view = null!;
        await WorkflowSilo.UntilAsync(async () => (view = await QueueAsync()).NextAttemptAt > Silo.Time.GetUtcNow());
        return view;
    }

    private static ErpException Transient() => new(new ErpError("A", "Connection reset by peer", null), isTransient: true);
}
