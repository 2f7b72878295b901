using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetActors.Silo.Tests;

/// <summary>The API's endpoints as the running app maps them, not as anyone remembers them.</summary>
internal static class ApiEndpoints
{
    public static IReadOnlyList<(string Method, string Pattern)> Of(WebApplication app) =>
    [
        .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!)))
            .OrderBy(e => e.Item2, StringComparer.Ordinal)
            .ThenBy(e => e.m, StringComparer.Ordinal),
    ];

    /// <summary>A URL the pattern matches: each parameter filled in (acme for the company, 1 for a number).</summary>
    public static string Example(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, "{([^}:]+)(:[^}]*)?}", m => m.Groups[1].Value switch
        {
            "companyId" => "acme",
            "projectId" => "tower-7",
            "submission" => "1",
            var name => name,
        });
}
