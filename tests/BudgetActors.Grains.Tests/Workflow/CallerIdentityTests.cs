namespace BudgetActors.Grains.Tests;

/// <summary>The caller is whoever the client's API token says, checked against the directory; nothing else counts.</summary>
public sealed class CallerIdentityTests : MemoryWorkflowTest
{
    [Fact]
    public async Task A_call_without_a_user_is_refused()
    {
        CallerContext.Token = null;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Silo.Budget().CreateAsync());
    }

    [Fact]
    public async Task A_user_of_another_company_or_outside_the_directory_is_refused()
    {
        await Silo.SetUpCompanyAsync("globex", ErpSystem.Spectrum, "002");
        WorkflowSilo.ActAs("pm", "globex");
        Assert.Equal(WorkflowErrorCode.PermissionDenied, (await Assert.ThrowsAsync<WorkflowException>(() => Silo.Budget().CreateAsync())).Code);

        WorkflowSilo.ActAs(WorkflowSilo.Stranger);
        Assert.Equal(WorkflowErrorCode.PermissionDenied, (await Assert.ThrowsAsync<WorkflowException>(() => Silo.Budget().CreateAsync())).Code);
    }

    [Fact]
    public async Task A_standard_erp_user_without_the_privilege_cannot_accept()
    {
        var budget = await Silo.SentBudgetAsync();
        WorkflowSilo.ActAs("erp");

        var error = await Assert.ThrowsAsync<WorkflowException>(() => budget.AcceptAsync(1));

        Assert.Equal(WorkflowErrorCode.PermissionDenied, error.Code);
        Assert.Contains("Can Push to Accounting", error.Message);
    }

    [Fact]
    public async Task Users_cannot_make_the_workflows_internal_calls()
    {
        var budget = await Silo.SentBudgetAsync();
        WorkflowSilo.ActAs("admin");

        await Assert.ThrowsAsync<WorkflowException>(() => budget.ReportExportAsync(new ExportOutcome(1, null)));
        await Assert.ThrowsAsync<WorkflowException>(() => Silo.Approver("ap1").AddPendingAsync(new PendingItem("acme", "fake", 1, 1m, "admin", DateTimeOffset.UnixEpoch)));
        await Assert.ThrowsAsync<WorkflowException>(() => Silo.Client.GetGrain<IErpGatewayGrain>("spectrum:001").ListCostCodesAsync());
        WorkflowSilo.ActAs("pm");
        Assert.Equal(BudgetStatus.PendingAcceptance, (await budget.GetAsync()).Status);
    }

    [Fact]
    public async Task An_approver_reads_only_their_own_list()
    {
        await Silo.SentBudgetAsync();
        WorkflowSilo.ActAs("ap1");

        var error = await Assert.ThrowsAsync<WorkflowException>(() => Silo.Approver("ap2").GetPendingAsync());

        Assert.Equal(WorkflowErrorCode.PermissionDenied, error.Code);
    }

    [Fact]
    public async Task Only_a_company_admin_changes_the_directory()
    {
        WorkflowSilo.ActAs("pm");
        var company = Silo.Client.GetGrain<ICompanyGrain>(WorkflowSilo.Company);

        await Assert.ThrowsAsync<WorkflowException>(() => company.SaveUserAsync(People.ProjectManager with { IsCompanyAdmin = true }));

        WorkflowSilo.ActAs("admin");
        await company.SaveUserAsync(People.ProjectManager with { BudgetTool = ToolPermission.Standard });
        Assert.Equal(ToolPermission.Standard, (await company.FindUserAsync("pm"))!.BudgetTool);
        var lastAdmin = await Assert.ThrowsAsync<WorkflowException>(() => company.RemoveUserAsync("admin"));
        Assert.Contains("at least one company admin", lastAdmin.Message);
    }
}
