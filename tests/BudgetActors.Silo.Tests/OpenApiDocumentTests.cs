using System.Net;
using System.Text.Json;

namespace BudgetActors.Silo.Tests;

/// <summary>The OpenAPI document a non-.NET client generates its code from: open to all, and complete.</summary>
public sealed class OpenApiDocumentTests : ApiTest
{
    [Fact]
    public async Task The_document_lists_every_api_endpoint_with_its_method_and_operation_id()
    {
        using var document = await DocumentAsync();
        var paths = document.RootElement.GetProperty("paths");

        var endpoints = ApiEndpoints.Of(Silo.App);
        Assert.True(endpoints.Count >= 25, $"Only {endpoints.Count} API endpoints were found.");
        foreach (var (method, pattern) in endpoints)
        {
            // OpenAPI paths drop route constraints ({submission:int}) and a trailing slash.
            var path = System.Text.RegularExpressions.Regex.Replace(pattern, "{([^}:]+):[^}]*}", "{$1}").TrimEnd('/');
            Assert.True(paths.TryGetProperty(path, out var operations), $"{path} is not in the OpenAPI document.");
            Assert.True(operations.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {path} is not in the OpenAPI document.");
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("operationId").GetString()), $"{method} {path} has no operationId.");
        }

        Assert.Equal(endpoints.Count, paths.EnumerateObject().Sum(p => p.Value.EnumerateObject().Count()));
    }

    [Fact]
    public async Task The_document_declares_bearer_authentication_and_the_workflows_records()
    {
        using var document = await DocumentAsync();
        var root = document.RootElement;

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Single().Value;
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("security").ValueKind);
        var schemas = root.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("BudgetView", out _));
        var statuses = schemas.GetProperty("BudgetStatus").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(Enum.GetNames<BudgetStatus>(), statuses);
        var accept = root.GetProperty("paths").GetProperty("/api/v1/companies/{companyId}/budgets/{projectId}/submissions/{submission}/accept").GetProperty("post");
        Assert.True(accept.GetProperty("responses").TryGetProperty("403", out _));
    }

    private async Task<JsonDocument> DocumentAsync()
    {
        using var response = await Silo.As(null).GetAsync("openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
