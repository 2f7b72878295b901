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

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        // A call from a client app, or from a sender Orleans cannot name, proves who it is for.
        var workflow = context.InterfaceMethod?.DeclaringType?.Assembly == s_workflow;
        if (workflow && (context.SourceId is not { } source || source.IsClient()))
        {
            var token = CallerContext.Token;
            var marked = silo.IsMarkedHere();

            // What authenticated the call goes no further than this call: the grains it calls trust its caller.
            // Set here, not in an awaited method: request context lives in an AsyncLocal, and what an async
            // method sets there is gone once it returns.
            CallerContext.Token = null;
            RequestContext.Remove(SiloCallers.MarkKey);
            if (!marked)
            {
                // Not the silo's own code acting for the caller it set: the token says who calls.
                CallerContext.Caller = await AuthenticateAsync(context, token);
            }
        }

        await context.Invoke();
    }

    private async Task<CallerIdentity> AuthenticateAsync(IIncomingGrainCallContext context, string? token)
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
