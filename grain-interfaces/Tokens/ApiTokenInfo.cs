namespace BudgetActors.GrainInterfaces;

/// <summary>
/// What the company admin sees of an API token: whose it is and its history, never the secret (which is
/// shown once, when it is issued, and kept only as a hash).
/// </summary>
/// <param name="TokenId">Names the token in lists and when revoking it; not a secret.</param>
/// <param name="UserId">The directory user every call made with the token acts as.</param>
/// <param name="Name">What the token is for, e.g. "estimating app".</param>
[GenerateSerializer, Immutable]
public sealed record ApiTokenInfo(
    [property: Id(0)] string TokenId,
    [property: Id(1)] string CompanyId,
    [property: Id(2)] string UserId,
    [property: Id(3)] string Name,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string CreatedBy,
    [property: Id(6)] DateTimeOffset? RevokedAt = null,
    [property: Id(7)] string? RevokedBy = null)
{
    public bool IsRevoked => RevokedAt is not null;
}
