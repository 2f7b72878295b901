using System.Net;

namespace BudgetActors.Silo.Tests;

/// <summary>The token says who calls; the workflow checks what they may do; nothing in the request can change either.</summary>
public sealed class CallerIdentityTests : ApiTest
{
    [Fact]
    public async Task A_standard_erp_user_without_the_approver_privilege_cannot_accept()
    {
        var pm = await SentBudgetAsync();
        var erpStandard = await AsAsync("erp-std");

        using var response = await erpStandard.PostAsync($"{Budget}/submissions/1/accept");

        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.Forbidden, nameof(WorkflowErrorCode.PermissionDenied));
        Assert.Contains("Can Push to Accounting", problem.GetProperty("detail").GetString());
        Assert.Equal(BudgetStatus.PendingAcceptance, (await pm.ReadAsync<BudgetView>(Budget)).Status);
        Assert.Single(await (await AsAsync("ap1")).ReadAsync<IReadOnlyList<PendingItem>>($"{Company}/approvals/pending"));
    }

    [Fact]
    public async Task An_identity_claimed_in_the_body_query_or_headers_has_no_effect()
    {
        var pm = await SentBudgetAsync();

        using var response = await pm.SendAsync(HttpMethod.Post, $"{Budget}/submissions/1/reject?userId=ap1&companyId=acme",
            """{ "reason": "forged", "userId": "ap1", "caller": { "companyId": "acme", "userId": "ap1" } }""",
            r => r.Headers.Add("X-User", "ap1"));

        await ApiClient.ProblemAsync(response, HttpStatusCode.Forbidden, nameof(WorkflowErrorCode.PermissionDenied));
        var budget = await pm.ReadAsync<BudgetView>(Budget);
        Assert.Equal(BudgetStatus.PendingAcceptance, budget.Status);
        Assert.DoesNotContain(budget.History, h => h.UserId == "ap1");
        Assert.Equal("pm", (await pm.ReadAsync<Api.CallerView>("api/v1/me?userId=ap1")).UserId);
        Assert.Empty(await pm.ReadAsync<IReadOnlyList<PendingItem>>($"{Company}/approvals/pending?userId=ap1"));
    }

    [Fact]
    public async Task A_token_of_one_company_cannot_read_or_act_on_another()
    {
        await Silo.SetUpCompanyAsync("globex");
        var acmePm = await AsAsync("pm");
        const string globexBudget = "api/v1/companies/globex/budgets/tower-7";

        using var create = await acmePm.PostAsync(globexBudget);
        using var read = await acmePm.GetAsync("api/v1/companies/globex");
        using var token = await acmePm.PostAsync("api/v1/companies/globex/tokens", """{ "userId": "admin", "name": "takeover" }""");

        foreach (var response in new[] { create, read, token })
        {
            var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.Forbidden, nameof(WorkflowErrorCode.PermissionDenied));
            Assert.Contains("globex", problem.GetProperty("detail").GetString());
        }

        Assert.Null(await Silo.BudgetAsync(company: "globex"));
        var globexTokens = await Silo.As(await Silo.TokenForAsync("admin", "globex")).ReadAsync<IReadOnlyList<ApiTokenInfo>>("api/v1/companies/globex/tokens");
        Assert.DoesNotContain(globexTokens, t => t.Name == "takeover");
    }

    [Fact]
    public async Task The_erp_queue_is_for_users_with_access_to_erp_integrations()
    {
        var viewer = await AsAsync("viewer");
        var erpStandard = await AsAsync("erp-std");

        using var refused = await viewer.GetAsync($"{Company}/erp/queue");

        await ApiClient.ProblemAsync(refused, HttpStatusCode.Forbidden, nameof(WorkflowErrorCode.PermissionDenied));
        Assert.Equal("spectrum:001", (await erpStandard.ReadAsync<ErpQueueView>($"{Company}/erp/queue")).Gateway);
    }

    [Fact]
    public async Task Concurrent_requests_each_act_as_their_own_token()
    {
        var tokens = new Dictionary<string, string>();
        foreach (var user in new[] { "pm", "ap1", "viewer", "admin" })
        {
            tokens[user] = await Silo.TokenForAsync(user);
        }

        var calls = Enumerable.Range(0, 40).Select(async i =>
        {
            var user = tokens.Keys.ElementAt(i % tokens.Count);
            return (user, (await Silo.As(tokens[user]).ReadAsync<Api.CallerView>("api/v1/me")).UserId);
        });

        foreach (var (expected, actual) in await Task.WhenAll(calls))
        {
            Assert.Equal(expected, actual);
        }
    }
}
