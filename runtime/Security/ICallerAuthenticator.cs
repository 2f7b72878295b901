namespace BudgetActors.Runtime;

/// <summary>
/// Turns a client's bearer token into the company user it was issued to. A silo asks it for every call
/// that arrives from outside the cluster and puts the answer into <see cref="RequestContext.Caller"/>;
/// whatever identity the client claims itself is ignored.
/// </summary>
public interface ICallerAuthenticator
{
    /// <summary>The user the token belongs to, or null for an unknown, revoked or malformed token.</summary>
    ValueTask<CallerIdentity?> AuthenticateAsync(string bearerToken, CancellationToken cancellationToken);
}
