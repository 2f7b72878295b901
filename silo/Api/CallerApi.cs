using Microsoft.AspNetCore.Http.HttpResults;

namespace BudgetActors.Silo.Api;

/// <summary>Who the token acts as, for a client to check its token and learn its company.</summary>
public static class CallerApi
{
    public static RouteHandlerBuilder MapCallerApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/me", GetAsync).WithName("GetCaller").WithTags("Company")
            .WithSummary("The company and user the bearer token acts as, with the user's directory entry.");

    private static async Task<Ok<CallerView>> GetAsync(IClusterClient grains)
    {
        var caller = ApiInput.Caller;
        return TypedResults.Ok(new CallerView(caller.CompanyId, caller.UserId,
            await grains.GetGrain<ICompanyGrain>(caller.CompanyId).FindUserAsync(caller.UserId)));
    }
}
