using Microsoft.Extensions.Logging;

namespace BudgetActors.Grains.Security;

/// <summary>
/// Authenticates every call a client makes to a workflow grain: the caller is taken from the client's API
/// token (<see cref="CallerContext.Token"/>), never from an identity the client put into the request context
/// itself. Calls between grains carry the caller their first call was given; Orleans' own calls (reminders,
/// the dashboard's statistics) are not the workflow's and pass as they are.
/// </summary>
internal sealed class CallerAuthenticationFilter(ICallerAuthenticator authenticator, SiloCallers silo, ILogger<CallerAuthenticationFilter> logger) : IIncomingGrainCallFilter
{
    private static readonly System.Reflection.Assembly s_workflow = typeof(IBudgetGrain).Assembly;

    public Task Invoke(IIncomingGrainCallContext context)
    {
        // Only a call from a client app, or from a sender Orleans cannot name, proves who it is for.
        if (context.InterfaceMethod?.DeclaringType?.Assembly != s_workflow || context.SourceId is { } source && !source.IsClient())
        {
            return context.Invoke();
        }

        // The silo's own code (the REST API, the operator pages): the checked caller replaces the marked call
        // in one request-context write. This is every REST call's path, so it stays synchronous and allocates
        // nothing beyond that write. Set here, not in a helper: the request context is async-local, and what
        // an async method sets is gone once it returns, so the grain would see the marked call instead.
        if (silo.Verify(RequestContext.Get(CallerContext.CallerKey)) is { } caller)
        {
            if (CallerContext.Token is not null)
            {
                CallerContext.Token = null;
            }

            CallerContext.Caller = caller;
            return context.Invoke();
        }

        return AuthenticateThenInvokeAsync(context);
    }

    /// <summary>A client app's call: the caller is the token's, and what authenticated it goes no further than this call.</summary>
    private async Task AuthenticateThenInvokeAsync(IIncomingGrainCallContext context)
    {
        var token = CallerContext.Token;
        CallerContext.Token = null;

        // Whatever the client claimed is dropped before the lookup, so a refused call carries none of it.
        CallerContext.Caller = null;
        CallerContext.Caller = await AuthenticateAsync(token, context);
        await context.Invoke();
    }

    private async Task<CallerIdentity> AuthenticateAsync(string? token, IIncomingGrainCallContext context)
    {
        var caller = token is null ? null : await authenticator.AuthenticateAsync(token, CancellationToken.None);
        if (caller is null)
        {
            WorkflowLog.ClientCallRefused(logger, context.InterfaceMethod?.Name ?? "?", context.TargetId.ToString(), token is null ? "no token" : "an unknown or revoked token");
            throw new UnauthorizedAccessException(token is null
                ? "The call carries no API token: give the client library a token (BUDGETACTORS_TOKEN)."
                : "The API token is unknown or revoked: ask a company admin for a new one.");
        }

        return caller;
    }
}
