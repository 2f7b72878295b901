namespace BudgetActors.GrainInterfaces;

/// <summary>
/// What the company admin sees of an API token: whose it is and its history, never the secret (which is
/// shown once, when it is issued, and kept only as a hash).
/// </summary>
/// <param name="TokenId">Names the token in lists and when revoking it; not a secret.</param>
/// <param name="UserId">The directory user every call made with the token acts as.</param>
/// <param name="Name">What the token is for, e.g. "estimating app".</param>
public sealed record ApiTokenInfo(
    string TokenId,
    string CompanyId,
    string UserId,
    string Name,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? RevokedAt = null,
    string? RevokedBy = null)
{
    public bool IsRevoked => RevokedAt is not null;
}
