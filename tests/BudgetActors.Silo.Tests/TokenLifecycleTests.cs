using System.Net;
using System.Text.Json;
using BudgetActors.Silo.Api;

namespace BudgetActors.Silo.Tests;

/// <summary>A company admin issues, lists and revokes tokens over the API; each token acts as its user until revoked.</summary>
public sealed class TokenLifecycleTests : ApiTest
{
    [Fact]
    public async Task An_issued_token_acts_as_its_user_is_listed_without_its_secret_and_stops_working_once_revoked()
    {
        var admin = await AsAsync("admin");

        using var issuing = await admin.PostAsync($"{Company}/tokens", new IssueTokenRequest("pm", "estimating app"));
        var issued = await ApiClient.OkAsync<IssuedApiToken>(issuing, HttpStatusCode.Created);
        Assert.StartsWith("ba_", issued.Token);
        Assert.Equal(("pm", "admin", "estimating app"), (issued.Info.UserId, issued.Info.CreatedBy, issued.Info.Name));

        var me = await Silo.As(issued.Token).ReadAsync<CallerView>("api/v1/me");
        Assert.Equal(("acme", "pm", "Pat Manager"), (me.CompanyId, me.UserId, me.User?.Name));

        using var listing = await admin.GetAsync($"{Company}/tokens");
        var listed = await listing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(issued.Token, listed);
        Assert.DoesNotContain(issued.Token[3..], listed);
        var tokens = JsonSerializer.Deserialize<IReadOnlyList<ApiTokenInfo>>(listed, ApiClient.Json)!;
        Assert.Contains(tokens, t => t.TokenId == issued.Info.TokenId && t is { UserId: "pm", IsRevoked: false });

        using (var revoking = await admin.DeleteAsync($"{Company}/tokens/{issued.Info.TokenId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoking.StatusCode);
        }

        using var refused = await Silo.As(issued.Token).GetAsync("api/v1/me");
        await ApiClient.ProblemAsync(refused, HttpStatusCode.Unauthorized, WorkflowProblems.UnauthenticatedCode);
        var revoked = Assert.Single(await admin.ReadAsync<IReadOnlyList<ApiTokenInfo>>($"{Company}/tokens"), t => t.TokenId == issued.Info.TokenId);
        Assert.Equal("admin", revoked.RevokedBy);
        Assert.NotNull(revoked.RevokedAt);
    }

    [Fact]
    public async Task Only_a_company_admin_may_issue_list_or_revoke_tokens()
    {
        var pmToken = await Silo.TokenForAsync("pm");
        var pm = Silo.As(pmToken);
        var before = await (await AsAsync("admin")).ReadAsync<IReadOnlyList<ApiTokenInfo>>($"{Company}/tokens");

        using var issue = await pm.PostAsync($"{Company}/tokens", new IssueTokenRequest("pm", "more power"));
        using var list = await pm.GetAsync($"{Company}/tokens");
        using var revoke = await pm.DeleteAsync($"{Company}/tokens/{before[0].TokenId}");

        await ApiClient.ProblemAsync(issue, HttpStatusCode.Forbidden, nameof(WorkflowErrorCode.PermissionDenied));
        await ApiClient.ProblemAsync(list, HttpStatusCode.Forbidden, nameof(WorkflowErrorCode.PermissionDenied));
        await ApiClient.ProblemAsync(revoke, HttpStatusCode.Forbidden, nameof(WorkflowErrorCode.PermissionDenied));
        var after = await (await AsAsync("admin")).ReadAsync<IReadOnlyList<ApiTokenInfo>>($"{Company}/tokens");
        Assert.Equal(before.Count + 1, after.Count); // only the admin's own new token
        Assert.DoesNotContain(after, t => t.IsRevoked);
    }

    [Fact]
    public async Task A_token_for_someone_outside_the_directory_is_refused()
    {
        var admin = await AsAsync("admin");

        using var response = await admin.PostAsync($"{Company}/tokens", new IssueTokenRequest("stranger", "backdoor"));

        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound, nameof(WorkflowErrorCode.NotFound));
        Assert.Contains("stranger", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(await admin.ReadAsync<IReadOnlyList<ApiTokenInfo>>($"{Company}/tokens"), t => t.UserId == "stranger");
    }

    [Fact]
    public async Task A_user_removed_from_the_directory_loses_their_tokens()
    {
        var pmToken = await Silo.TokenForAsync("pm");
        var admin = await AsAsync("admin");

        await admin.DoAsync(HttpMethod.Delete, $"{Company}/users/pm");

        using var refused = await Silo.As(pmToken).PostAsync(Budget);
        await ApiClient.ProblemAsync(refused, HttpStatusCode.Unauthorized, WorkflowProblems.UnauthenticatedCode);
        Assert.Null(await Silo.BudgetAsync());
    }
}
