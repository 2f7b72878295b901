using Microsoft.AspNetCore.Http.HttpResults;

namespace BudgetActors.Silo.Api;

/// <summary>The company's API tokens (company admins): issue one for a directory user, list them, revoke one.</summary>
public static class TokenApi
{
    public static RouteGroupBuilder MapTokenApi(this IEndpointRouteBuilder company)
    {
        var api = company.MapGroup("/tokens").WithTags("Tokens");
        api.MapPost("", IssueAsync).WithName("IssueToken")
            .WithSummary("Issues a token acting as a directory user; the answer is the only time the token is shown.");
        api.MapGet("", ListAsync).WithName("ListTokens")
            .WithSummary("The company's tokens, revoked ones included, without their secrets.");
        api.MapDelete("/{tokenId}", RevokeAsync).WithName("RevokeToken")
            .WithSummary("Revokes a token: the next request made with it is refused.");
        return api;
    }

    private static async Task<Created<IssuedApiToken>> IssueAsync(string companyId, IssueTokenRequest request, IClusterClient grains) =>
        TypedResults.Created((string?)null, await grains.GetGrain<ICompanyGrain>(companyId).IssueTokenAsync(request.UserId, request.Name));

    private static async Task<Ok<IReadOnlyList<ApiTokenInfo>>> ListAsync(string companyId, IClusterClient grains) =>
        TypedResults.Ok(await grains.GetGrain<ICompanyGrain>(companyId).ListTokensAsync());

    private static async Task<NoContent> RevokeAsync(string companyId, string tokenId, IClusterClient grains)
    {
        await grains.GetGrain<ICompanyGrain>(companyId).RevokeTokenAsync(tokenId);
        return TypedResults.NoContent();
    }
}
