using System.Collections.Concurrent;
using Npgsql;

namespace BudgetActors.Grains.Tokens;

/// <summary>
/// Tokens in the <c>api_tokens</c> table, looked up by SHA-256 hash. A valid token is remembered for
/// <see cref="ApiTokenOptions.CacheDuration"/>; an unknown one is never remembered (it would let anyone
/// fill the cache), and a revoke through this store forgets the token at once (a lookup that read the row
/// just before the revoke may still remember it, for at most the cache duration).
/// </summary>
public sealed class PostgresApiTokenStore(NpgsqlDataSource dataSource, string serviceId, TimeProvider time, ApiTokenOptions options) : IApiTokenStore
{
    private const string Columns = "token_id, company_id, user_id, name, created_at, created_by, revoked_at, revoked_by";

    // Past this many cached tokens the cache starts over rather than grow without bound.
    private const int MaxCached = 10_000;

    private readonly ConcurrentDictionary<string, CachedCaller> _cache = new(StringComparer.Ordinal);

    public async Task AddAsync(ApiTokenInfo token, byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO api_tokens (service_id, token_id, token_hash, company_id, user_id, name, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = token.TokenId });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = tokenHash });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = token.CompanyId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = token.UserId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = token.Name });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = token.CreatedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = token.CreatedBy });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<CallerIdentity?> AuthenticateAsync(string bearerToken, CancellationToken cancellationToken)
    {
        if (!ApiTokenFormat.IsWellFormed(bearerToken))
        {
            return null;
        }

        var hash = ApiTokenFormat.Hash(bearerToken);
        var key = Convert.ToHexString(hash);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return cached.Caller;
        }

        await using var command = dataSource.CreateCommand(
            "SELECT token_id, company_id, user_id FROM api_tokens WHERE service_id = $1 AND token_hash = $2 AND revoked_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = hash });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            _cache.TryRemove(key, out _);
            return null;
        }

        var caller = new CallerIdentity(reader.GetString(1), reader.GetString(2));
        if (options.CacheDuration > TimeSpan.Zero)
        {
            if (_cache.Count >= MaxCached)
            {
                _cache.Clear();
            }

            _cache[key] = new CachedCaller(reader.GetString(0), caller, now + options.CacheDuration);
        }

        return caller;
    }

    public async Task<ApiTokenInfo?> RevokeAsync(string companyId, string tokenId, string revokedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $4), revoked_by = COALESCE(revoked_by, $5)
             WHERE service_id = $1 AND company_id = $2 AND token_id = $3
            RETURNING {Columns}
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = companyId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tokenId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = revokedBy });
        var revoked = await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        Forget(t => t.TokenId == tokenId);
        return revoked.Count == 0 ? null : revoked[0];
    }

    public async Task RevokeUserTokensAsync(string companyId, string userId, string revokedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE api_tokens SET revoked_at = $4, revoked_by = $5 WHERE service_id = $1 AND company_id = $2 AND user_id = $3 AND revoked_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = companyId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = userId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = revokedBy });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        var caller = new CallerIdentity(companyId, userId);
        Forget(t => t.Caller == caller);
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(string companyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM api_tokens WHERE service_id = $1 AND company_id = $2 ORDER BY created_at, token_id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = companyId });
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private void Forget(Func<CachedCaller, bool> which)
    {
        foreach (var entry in _cache.Where(e => which(e.Value)))
        {
            _cache.TryRemove(entry);
        }
    }

    private static async Task<IReadOnlyList<ApiTokenInfo>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var tokens = new List<ApiTokenInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tokens.Add(new ApiTokenInfo(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return tokens;
    }

    private sealed record CachedCaller(string TokenId, CallerIdentity Caller, DateTimeOffset Until);
}
