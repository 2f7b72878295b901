namespace BudgetActors.Grains.Tests;

/// <summary>A cluster of two silos: what the workflow refuses reaches its caller as it was refused, wherever the grain lives.</summary>
public sealed class CrossSiloTests : IAsyncLifetime
{
    private WorkflowSilo _silo = null!;

    public async ValueTask InitializeAsync() => _silo = await WorkflowSilo.StartAsync(silos: 2);

    public ValueTask DisposeAsync() => _silo.DisposeAsync();

    [Fact]
    public async Task A_workflow_refusal_reaches_a_client_with_its_code_from_either_silo()
    {
        var budget = await _silo.SentBudgetAsync();
        foreach (var silo in new[] { 1, 0 })
        {
            await _silo.MoveAsync(budget, silo);
            WorkflowSilo.ActAs("erp");

            var refused = await Assert.ThrowsAsync<WorkflowException>(() => budget.AcceptAsync(1));

            Assert.Equal(WorkflowErrorCode.PermissionDenied, refused.Code);
            Assert.Contains("Can Push to Accounting", refused.Message);
        }
    }

    [Fact]
    public async Task A_workflow_refusal_crosses_from_one_silo_to_the_silos_own_code_on_the_other_with_its_code()
    {
        var budget = await _silo.SentBudgetAsync();
        await _silo.MoveAsync(budget, 1);
        await _silo.MoveAsync(_silo.Client.GetGrain<ICompanyGrain>(WorkflowSilo.Company), 1);

        // The first silo's own code (as the REST API does) calls grains that live on the second.
        using (_silo.InSilo(new CallerIdentity(WorkflowSilo.Company, "erp")))
        {
            var refused = await Assert.ThrowsAsync<WorkflowException>(() => _silo.SiloGrains.GetGrain<IBudgetGrain>(budget.GetPrimaryKeyString()).AcceptAsync(1));
            Assert.Equal(WorkflowErrorCode.PermissionDenied, refused.Code);
        }

        using (_silo.InSilo(new CallerIdentity(WorkflowSilo.Company, "admin")))
        {
            var lastAdmin = await Assert.ThrowsAsync<WorkflowException>(() => _silo.SiloGrains.GetGrain<ICompanyGrain>(WorkflowSilo.Company).RemoveUserAsync("admin"));
            Assert.Contains("at least one company admin", lastAdmin.Message);
        }
    }

    [Fact]
    public async Task An_approval_and_its_export_go_through_with_the_budget_and_the_gateway_on_different_silos()
    {
        var budget = await _silo.SentBudgetAsync();
        await _silo.MoveAsync(budget, 0);
        await _silo.MoveAsync(_silo.Client.GetGrain<IErpGatewayGrain>("spectrum:001"), 1);

        WorkflowSilo.ActAs("ap1");
        await budget.AcceptAsync(1);

        Assert.Equal(BudgetStatus.Synced, (await WorkflowSilo.ExportedAsync(budget)).Status);
        Assert.Equal(1, _silo.Erp.PostingsApplied);
    }
}
