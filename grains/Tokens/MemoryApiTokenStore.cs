namespace BudgetActors.Grains.Tokens;

/// <summary>Tokens in this process's memory (lost when it stops): the embedded default and tests. Revocation is immediate.</summary>
public sealed class MemoryApiTokenStore : IApiTokenStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ApiTokenInfo> _byHash = [];

    public Task AddAsync(ApiTokenInfo token, byte[] tokenHash, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _byHash.Add(Convert.ToHexString(tokenHash), token);
        }

        return Task.CompletedTask;
    }

    public ValueTask<CallerIdentity?> AuthenticateAsync(string bearerToken, CancellationToken cancellationToken)
    {
        if (!ApiTokenFormat.IsWellFormed(bearerToken))
        {
            return ValueTask.FromResult<CallerIdentity?>(null);
        }

        lock (_lock)
        {
            return ValueTask.FromResult(_byHash.TryGetValue(Convert.ToHexString(ApiTokenFormat.Hash(bearerToken)), out var token) && !token.IsRevoked
                ? new CallerIdentity(token.CompanyId, token.UserId)
                : null);
        }
    }

    public Task<ApiTokenInfo?> RevokeAsync(string companyId, string tokenId, string revokedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var found = _byHash.FirstOrDefault(t => t.Value.CompanyId == companyId && t.Value.TokenId == tokenId);
            if (found.Value is null)
            {
                return Task.FromResult<ApiTokenInfo?>(null);
            }

            return Task.FromResult<ApiTokenInfo?>(_byHash[found.Key] = Revoked(found.Value, revokedBy, at));
        }
    }

    public Task RevokeUserTokensAsync(string companyId, string userId, string revokedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var (hash, token) in _byHash.Where(t => t.Value.CompanyId == companyId && t.Value.UserId == userId).ToList())
            {
                _byHash[hash] = Revoked(token, revokedBy, at);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ApiTokenInfo>> ListAsync(string companyId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ApiTokenInfo>>(
                [.. _byHash.Values.Where(t => t.CompanyId == companyId).OrderBy(t => t.CreatedAt).ThenBy(t => t.TokenId, StringComparer.Ordinal)]);
        }
    }

    private static ApiTokenInfo Revoked(ApiTokenInfo token, string revokedBy, DateTimeOffset at) =>
        token.IsRevoked ? token : token with { RevokedAt = at, RevokedBy = revokedBy };
}
