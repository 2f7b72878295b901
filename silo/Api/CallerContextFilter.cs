using BudgetActors.Grains.Security;
using BudgetActors.Silo.Authentication;

namespace BudgetActors.Silo.Api;

/// <summary>
/// Makes the grain calls of one API request act as the user its token belongs to, and only as them: the
/// request context starts empty (nothing from the server's own flow leaks in) and gets the token's
/// company user. A URL naming another company is refused before any grain is called.
/// </summary>
public sealed class CallerContextFilter(SiloCallers silo) : IEndpointFilter
{
    public const string CompanyRouteValue = "companyId";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var caller = CallerOf(context.HttpContext.User)
            ?? throw new InvalidOperationException("An API endpoint was reached without an authenticated caller; it must require the API token policy.");
        if (context.HttpContext.GetRouteValue(CompanyRouteValue) is string companyId && !string.Equals(companyId, caller.CompanyId, StringComparison.Ordinal))
        {
            throw new WorkflowException(WorkflowErrorCode.PermissionDenied,
                $"This token belongs to a user of company {caller.CompanyId}; it cannot act on company {companyId}.");
        }

        // Nothing of the server's own flow may travel with the request's grain calls.
        RequestContext.Clear();
        using (silo.ActAs(caller))
        {
            return await next(context);
        }
    }

    private static CallerIdentity? CallerOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: ApiTokenDefaults.Scheme }
        && user.FindFirst(ApiTokenDefaults.CompanyClaim)?.Value is { } company
        && user.FindFirst(ApiTokenDefaults.UserClaim)?.Value is { } userId
            ? new CallerIdentity(company, userId)
            : null;
}
