using BudgetActors.Grains.Security;

namespace BudgetActors.Grains.Tokens;

/// <summary>
/// Where API tokens live, as hashes. The company grain issues, revokes and lists them (after its admin
/// check); the silo asks it, as the <see cref="ICallerAuthenticator"/>, who a bearer token belongs to.
/// </summary>
public interface IApiTokenStore : ICallerAuthenticator
{
    Task AddAsync(ApiTokenInfo token, byte[] tokenHash, CancellationToken cancellationToken);

    /// <summary>Revokes a token of <paramref name="companyId"/> (a second revoke keeps the first's time and user).</summary>
    /// <returns>The token as it is now, or null if the company has no token <paramref name="tokenId"/>.</returns>
    Task<ApiTokenInfo?> RevokeAsync(string companyId, string tokenId, string revokedBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Revokes every token of a user (who leaves the directory).</summary>
    Task RevokeUserTokensAsync(string companyId, string userId, string revokedBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The company's tokens, oldest first, revoked ones included.</summary>
    Task<IReadOnlyList<ApiTokenInfo>> ListAsync(string companyId, CancellationToken cancellationToken);
}
