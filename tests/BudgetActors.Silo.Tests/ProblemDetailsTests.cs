using System.Net;
using BudgetActors.Silo.Api;

namespace BudgetActors.Silo.Tests;

/// <summary>Every refusal is an RFC 7807 problem carrying the workflow's code and message, with the status a client can branch on.</summary>
public sealed class ProblemDetailsTests : ApiTest
{
    [Fact]
    public async Task A_refusal_carries_type_title_status_detail_code_and_trace_id()
    {
        var pm = await AsAsync("pm");
        await pm.DoAsync(HttpMethod.Post, Budget);
        await pm.DoAsync(HttpMethod.Post, $"{Budget}/lines", People.Concrete);
        await pm.DoAsync(HttpMethod.Post, $"{Budget}/lock");

        using var response = await pm.PostAsync($"{Budget}/lines", People.Steel);

        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.Conflict, nameof(WorkflowErrorCode.EditWhileLocked));
        Assert.Equal("urn:budgetactors:problem:EditWhileLocked", problem.GetProperty("type").GetString());
        Assert.Equal("Edit while locked", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("traceId").GetString()));
        Assert.Single((await pm.ReadAsync<BudgetView>(Budget)).Lines);
    }

    [Fact]
    public async Task Each_kind_of_refusal_has_its_status()
    {
        var pm = await AsAsync("pm");
        var viewer = await AsAsync("viewer");

        using (var missing = await pm.GetAsync(Budget))
        {
            await ApiClient.ProblemAsync(missing, HttpStatusCode.NotFound, nameof(WorkflowErrorCode.NotFound));
        }

        using (var denied = await viewer.PostAsync(Budget))
        {
            await ApiClient.ProblemAsync(denied, HttpStatusCode.Forbidden, nameof(WorkflowErrorCode.PermissionDenied));
        }

        await pm.DoAsync(HttpMethod.Post, Budget);
        using (var twice = await pm.PostAsync(Budget))
        {
            await ApiClient.ProblemAsync(twice, HttpStatusCode.Conflict, nameof(WorkflowErrorCode.AlreadyExists));
        }

        using (var negative = await pm.PostAsync($"{Budget}/lines", People.Concrete with { OriginalAmount = -1m }))
        {
            await ApiClient.ProblemAsync(negative, HttpStatusCode.BadRequest, nameof(WorkflowErrorCode.InvalidAmount));
        }

        using (var notLocked = await pm.PostAsync($"{Budget}/send"))
        {
            await ApiClient.ProblemAsync(notLocked, HttpStatusCode.Conflict, nameof(WorkflowErrorCode.NotLocked));
        }

        Assert.Empty((await pm.ReadAsync<BudgetView>(Budget)).Lines);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "costCode": "03-300", "category": "M" }""")]
    [InlineData("""{ "costCode": null, "category": "M", "description": "x", "originalAmount": 1 }""")]
    [InlineData("""{ "costCode": "03-300", "category": "M", "description": "x", "originalAmount": "a lot" }""")]
    public async Task A_body_the_api_cannot_read_is_refused_as_invalid_input_before_any_grain_sees_it(string body)
    {
        var pm = await AsAsync("pm");
        await pm.DoAsync(HttpMethod.Post, Budget);

        using var response = await pm.PostAsync($"{Budget}/lines", body);

        await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest, nameof(WorkflowErrorCode.InvalidInput));
        Assert.Empty((await pm.ReadAsync<BudgetView>(Budget)).Lines);
    }

    [Fact]
    public async Task A_body_naming_something_else_than_its_url_is_refused()
    {
        var admin = await AsAsync("admin");

        using var response = await admin.PutAsync($"{Company}/users/viewer", People.Viewer with { UserId = "someone-else", IsCompanyAdmin = true });

        await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest, nameof(WorkflowErrorCode.InvalidInput));
        var company = await admin.ReadAsync<CompanyView>(Company);
        Assert.DoesNotContain(company.Users, u => u.UserId == "someone-else");
        Assert.False(Assert.Single(company.Users, u => u.UserId == "viewer").IsCompanyAdmin);
    }

    [Fact]
    public async Task A_url_the_api_does_not_have_is_a_not_found_problem_too()
    {
        var pm = await AsAsync("pm");

        using var response = await pm.GetAsync("api/v1/companies/acme/budgets/tower-7/nothing-here");

        await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound, nameof(WorkflowErrorCode.NotFound));
    }

    [Fact]
    public void Every_workflow_code_maps_to_a_client_or_gateway_error()
    {
        foreach (var code in Enum.GetValues<WorkflowErrorCode>())
        {
            var status = WorkflowProblems.StatusOf(code);
            Assert.True(status is >= 400 and < 500 or 502 or 503, $"{code} maps to {status}.");
        }
    }
}
