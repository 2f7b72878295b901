using System.Net;
using System.Net.Http.Headers;
using BudgetActors.Grains.Tokens;
using BudgetActors.Silo.Api;

namespace BudgetActors.Silo.Tests;

/// <summary>Without a valid token nothing happens: 401, a Bearer challenge, and no grain touched.</summary>
public sealed class AuthenticationTests : ApiTest
{
    [Fact]
    public async Task A_request_without_a_token_is_refused_with_a_bearer_challenge_and_changes_nothing()
    {
        using var response = await Silo.As(null).PostAsync(Budget);

        await ApiClient.ProblemAsync(response, HttpStatusCode.Unauthorized, WorkflowProblems.UnauthenticatedCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("realm=\"budgetactors\"", challenge.Parameter);
        Assert.Null(await Silo.BudgetAsync());
    }

    [Theory]
    [InlineData("Bearer ba_thisIsNotATokenAnyoneWasEverGiven000000000000")]
    [InlineData("Bearer not-even-shaped-like-a-token")]
    [InlineData("Bearer ")]
    [InlineData("Basic YWRtaW46YWRtaW4=")]
    public async Task A_wrong_token_is_refused_as_invalid_and_changes_nothing(string authorization)
    {
        var client = Silo.As(null);

        using var response = await client.SendAsync(HttpMethod.Post, Budget, change: r => r.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization));

        await ApiClient.ProblemAsync(response, HttpStatusCode.Unauthorized, WorkflowProblems.UnauthenticatedCode);
        Assert.Contains("error=\"invalid_token\"", Assert.Single(response.Headers.WwwAuthenticate).Parameter);
        Assert.Null(await Silo.BudgetAsync());
    }

    [Fact]
    public async Task A_well_formed_token_that_was_never_issued_is_refused()
    {
        var (neverIssued, _) = ApiTokenFormat.New();

        using var response = await Silo.As(neverIssued).PostAsync(Budget);

        await ApiClient.ProblemAsync(response, HttpStatusCode.Unauthorized, WorkflowProblems.UnauthenticatedCode);
        Assert.Null(await Silo.BudgetAsync());
    }

    [Fact]
    public async Task A_revoked_token_is_refused_and_changes_nothing()
    {
        var pm = await SentBudgetAsync();
        var approverToken = await Silo.TokenForAsync("ap1");
        var tokenId = Assert.Single(await (await AsAsync("admin")).ReadAsync<IReadOnlyList<ApiTokenInfo>>($"{Company}/tokens"), t => t.UserId == "ap1").TokenId;
        await (await AsAsync("admin")).DoAsync(HttpMethod.Delete, $"{Company}/tokens/{tokenId}");

        using var response = await Silo.As(approverToken).PostAsync($"{Budget}/submissions/1/accept");

        await ApiClient.ProblemAsync(response, HttpStatusCode.Unauthorized, WorkflowProblems.UnauthenticatedCode);
        Assert.Equal(BudgetStatus.PendingAcceptance, (await pm.ReadAsync<BudgetView>(Budget)).Status);
    }

    /// <summary>Every endpoint the app maps under /api (read from the app itself, so a new one cannot slip by) wants a token.</summary>
    [Fact]
    public async Task Every_api_endpoint_requires_a_token()
    {
        var endpoints = ApiEndpoints.Of(Silo.App);
        Assert.True(endpoints.Count >= 25, $"Only {endpoints.Count} API endpoints were found.");

        foreach (var (method, pattern) in endpoints)
        {
            using var response = await Silo.As(null).SendAsync(new HttpMethod(method), ApiEndpoints.Example(pattern), method is "POST" or "PUT" ? "{}" : null);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {pattern} answered {(int)response.StatusCode} without a token.");
        }

        Assert.Null(await Silo.BudgetAsync());
    }
}
