namespace BudgetActors.Grains.Security;

/// <summary>
/// Turns a client's bearer token into the company user it was issued to. The silo asks it for every call
/// a client app makes and puts the answer into <see cref="CallerContext.Caller"/>; whatever identity the
/// client claims itself is ignored.
/// </summary>
public interface ICallerAuthenticator
{
    /// <summary>The user the token belongs to, or null for an unknown, revoked or malformed token.</summary>
    ValueTask<CallerIdentity?> AuthenticateAsync(string bearerToken, CancellationToken cancellationToken);
}
