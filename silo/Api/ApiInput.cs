using BudgetActors.Grains.Security;

namespace BudgetActors.Silo.Api;

/// <summary>Checks that a body agrees with the URL it was sent to, so that neither can say one thing and do another.</summary>
internal static class ApiInput
{
    public static void RequireSame(string inUrl, string inBody, string what)
    {
        if (!string.Equals(inUrl, inBody, StringComparison.Ordinal))
        {
            throw new WorkflowException(WorkflowErrorCode.InvalidInput, $"The URL names {what} '{inUrl}' but the body names '{inBody}'.");
        }
    }

    /// <summary>The caller the request context holds (set from the token by <see cref="CallerContextFilter"/>).</summary>
    public static CallerIdentity Caller =>
        SiloCallers.Acting ?? throw new InvalidOperationException("No caller in the request context: the endpoint must run behind CallerContextFilter.");
}
