namespace BudgetActors.Runtime.Tests;

/// <summary>Two known client tokens, and a count of how often silos asked (to prove they ask every time).</summary>
public sealed class TestTokens : ICallerAuthenticator
{
    public const string ProjectManager = "token-pm";
    public const string Approver = "token-ap";

    public ValueTask<CallerIdentity?> AuthenticateAsync(string bearerToken, CancellationToken cancellationToken) =>
        ValueTask.FromResult(bearerToken switch
        {
            ProjectManager => new CallerIdentity("acme", "pm"),
            Approver => new CallerIdentity("acme", "ap1"),
            _ => (CallerIdentity?)null,
        });
}
