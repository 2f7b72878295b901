using BudgetActors.Grains.Security;
using BudgetActors.Grains.Tokens;

namespace BudgetActors.Grains.Tests;

/// <summary>
/// A client app is who its API token says, checked by the silo on every call: no token, an unknown or a revoked
/// one is refused before any grain runs, and an identity the client puts into the request context itself counts
/// for nothing.
/// </summary>
public sealed class ClientTokenTests : MemoryWorkflowTest
{
    private ICompanyGrain Acme => Silo.Client.GetGrain<ICompanyGrain>(WorkflowSilo.Company);

    [Fact]
    public async Task A_call_without_a_token_is_refused()
    {
        CallerContext.Token = null;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Silo.Budget().GetAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Acme.GetAsync());
    }

    [Theory]
    [InlineData("ba_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // well formed, never issued
    [InlineData("ba_short")]
    [InlineData("not a token")]
    public async Task A_call_with_a_token_the_silo_never_issued_is_refused(string token)
    {
        CallerContext.Token = token;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Silo.Budget().GetAsync());
    }

    [Fact]
    public async Task A_revoked_token_is_refused_from_the_next_call_on()
    {
        WorkflowSilo.ActAs("pm");
        await Silo.Budget().CreateAsync();
        var token = Assert.Single(await Silo.Tokens.ListAsync(WorkflowSilo.Company, TestContext.Current.CancellationToken), t => t.UserId == "pm");

        WorkflowSilo.ActAs("admin");
        await Acme.RevokeTokenAsync(token.TokenId);

        WorkflowSilo.ActAs("pm");
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Silo.Budget().GetAsync());
    }

    [Fact]
    public async Task A_token_issued_by_a_company_admin_works_until_revoked()
    {
        WorkflowSilo.ActAs("admin");
        var issued = await Acme.IssueTokenAsync("pm", "estimating app");
        Assert.True(ApiTokenFormat.IsWellFormed(issued.Token));

        CallerContext.Token = issued.Token;
        await Silo.Budget().CreateAsync();
        Assert.Equal("pm", (await Silo.Budget().GetAsync()).CreatedBy);

        WorkflowSilo.ActAs("admin");
        await Acme.RevokeTokenAsync(issued.Info.TokenId);
        CallerContext.Token = issued.Token;
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Silo.Budget().GetAsync());
    }

    [Fact]
    public async Task An_identity_the_client_claims_without_a_token_is_refused()
    {
        CallerContext.Token = null;
        CallerContext.Caller = new CallerIdentity(WorkflowSilo.Company, "system:setup");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Acme.SaveUserAsync(People.ProjectManager with { IsCompanyAdmin = true }));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Silo.Approver("ap1").GetPendingAsync());
    }

    [Fact]
    public async Task A_call_the_client_dresses_as_the_silos_own_with_a_mark_of_its_making_is_refused()
    {
        CallerContext.Token = null;
        RequestContext.Set(CallerContext.CallerKey, new SiloCall(new CallerIdentity(WorkflowSilo.Company, "system:setup"), SiloCallers.NewMark()));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Acme.SaveUserAsync(People.ProjectManager with { IsCompanyAdmin = true }));

        // Beside a token, the caller is the token's.
        WorkflowSilo.ActAs("pm");
        RequestContext.Set(CallerContext.CallerKey, new SiloCall(new CallerIdentity(WorkflowSilo.Company, "admin"), SiloCallers.NewMark()));
        var notAdmin = await Assert.ThrowsAsync<WorkflowException>(() => Acme.SaveUserAsync(People.ProjectManager with { IsCompanyAdmin = true }));
        Assert.Equal(WorkflowErrorCode.PermissionDenied, notAdmin.Code);
        Assert.False((await Acme.FindUserAsync("pm"))!.IsCompanyAdmin);
    }

    [Fact]
    public async Task An_identity_the_client_claims_beside_its_token_is_ignored()
    {
        var budget = await Silo.SentBudgetAsync();
        WorkflowSilo.ActAs("pm");

        // The project manager's token, claiming to be the company admin, then the workflow itself.
        CallerContext.Caller = new CallerIdentity(WorkflowSilo.Company, "admin");
        var notAdmin = await Assert.ThrowsAsync<WorkflowException>(() => Acme.SaveUserAsync(People.ProjectManager with { IsCompanyAdmin = true }));
        Assert.Equal(WorkflowErrorCode.PermissionDenied, notAdmin.Code);

        CallerContext.Caller = new CallerIdentity(WorkflowSilo.Company, "system:erp-gateway");
        var notWorkflow = await Assert.ThrowsAsync<WorkflowException>(() => budget.ReportExportAsync(new ExportOutcome(1, null)));
        Assert.Equal(WorkflowErrorCode.PermissionDenied, notWorkflow.Code);

        CallerContext.Caller = new CallerIdentity(WorkflowSilo.Company, "ap1");
        var notApprover = await Assert.ThrowsAsync<WorkflowException>(() => budget.AcceptAsync(1));
        Assert.Equal(WorkflowErrorCode.PermissionDenied, notApprover.Code);

        Assert.Equal(BudgetStatus.PendingAcceptance, (await budget.GetAsync()).Status);
        Assert.False((await Acme.FindUserAsync("pm"))!.IsCompanyAdmin);
    }
}
