using BudgetActors.Grains.Erp;

namespace BudgetActors.Grains.Tests;

public sealed class ErpGatewayQueueTests : MemoryWorkflowTest
{
    private static readonly GrainId GatewayId = GrainId.Create("erp-gateway", "spectrum:001");

    [Fact]
    public async Task Each_waiting_export_is_a_row_of_its_own_and_is_deleted_once_done()
    {
        await Silo.AddProjectAsync("tower-8", "24-002", Silo.Erp);
        var first = await Silo.SentBudgetAsync();
        var second = await Silo.SentBudgetAsync("tower-8");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Silo.Spectrum.PostingGate = gate;

        WorkflowSilo.ActAs("ap1");
        await first.AcceptAsync(1);
        await second.AcceptAsync(1);
        await WorkflowSilo.UntilAsync(() => Task.FromResult(Silo.Erp.HeldPostings.Count == 1));

        // Both are durable, each in its own row; the queue record itself holds no exports.
        Assert.Equal("acme:tower-7#1", (await ReadAsync(QueuedExport.NameOf(0), new ExportRequest("", 0, "", []))).State.IdempotencyKey);
        Assert.Equal("acme:tower-8#1", (await ReadAsync(QueuedExport.NameOf(1), new ExportRequest("", 0, "", []))).State.IdempotencyKey);
        Assert.Empty((await ReadAsync("queue", new ErpGatewayState())).State.Exports);

        gate.SetResult();
        Assert.Equal(BudgetStatus.Synced, (await WorkflowSilo.ExportedAsync(first)).Status);
        Assert.Equal(BudgetStatus.Synced, (await WorkflowSilo.ExportedAsync(second)).Status);
        // The head moves past an export first, then its row is deleted.
        await WorkflowSilo.UntilAsync(async () => (await ReadAsync("queue", new ErpGatewayState())).State.Completed == 2
            && !(await ReadAsync(QueuedExport.NameOf(1), new ExportRequest("", 0, "", []))).RecordExists);

        Assert.Equal(2, (await ReadAsync("queue", new ErpGatewayState())).State.Head);
        Assert.False((await ReadAsync(QueuedExport.NameOf(0), new ExportRequest("", 0, "", []))).RecordExists);
        Assert.False((await ReadAsync(QueuedExport.NameOf(1), new ExportRequest("", 0, "", []))).RecordExists);
        Assert.Equal(["acme:tower-7#1", "acme:tower-8#1"], Silo.Erp.Postings.Select(p => p.IdempotencyKey));
    }

    [Fact]
    public async Task A_queue_stored_whole_by_an_earlier_version_is_moved_into_rows_and_sent()
    {
        var waiting = new ExportRequest(BudgetKey.Of(WorkflowSilo.Company, WorkflowSilo.Project), 1, WorkflowSilo.Job, [new ExportLine("03-300", "M", 125_000.00m, 125_000.00m)]);
        await Silo.Storage.WriteStateAsync("queue", GatewayId, new StoredState<ErpGatewayState>(new ErpGatewayState { Exports = [waiting], Completed = 7 }), TestContext.Current.CancellationToken);

        WorkflowSilo.ActAs("ap1");
        await Silo.Client.GetGrain<ICompanyGrain>(WorkflowSilo.Company).GetErpQueueAsync(); // activates the gateway
        await WorkflowSilo.UntilAsync(async () => (await ReadAsync("queue", new ErpGatewayState())).State.Completed == 8
            && !(await ReadAsync(QueuedExport.NameOf(0), new ExportRequest("", 0, "", []))).RecordExists);

        Assert.Equal([waiting.IdempotencyKey], Silo.Erp.Postings.Select(p => p.IdempotencyKey));
        var queue = (await ReadAsync("queue", new ErpGatewayState())).State;
        Assert.Empty(queue.Exports);
        Assert.Equal(1, queue.Head);
        Assert.False((await ReadAsync(QueuedExport.NameOf(0), new ExportRequest("", 0, "", []))).RecordExists);
    }

    private async Task<StoredState<T>> ReadAsync<T>(string stateName, T placeholder)
    {
        var stored = new StoredState<T>(placeholder);
        await Silo.Storage.ReadStateAsync(stateName, GatewayId, stored, TestContext.Current.CancellationToken);
        return stored;
    }
}
