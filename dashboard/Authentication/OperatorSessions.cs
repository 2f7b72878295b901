using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace BudgetActors.Dashboard.Authentication;

/// <summary>
/// Checks the operator credential and keeps the logins it granted. A session is a random id held in this
/// silo's memory (not a signed cookie), so it needs no data-protection keys on disk, ends when the silo
/// stops, and can be ended at once by logging out.
/// </summary>
internal sealed class OperatorSessions(IOptions<DashboardOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);

    public bool CredentialMatches(string? user, string? password)
    {
        var expected = options.Value.Operator;
        // Both compared, in constant time over their hashes, so the answer time says nothing about which was wrong.
        var userMatches = FixedTimeEquals(user ?? "", expected.User);
        var passwordMatches = FixedTimeEquals(password ?? "", expected.Password ?? "");
        return userMatches & passwordMatches & !string.IsNullOrEmpty(expected.Password);
    }

    public string Start()
    {
        RemoveExpired();
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _expiries[id] = time.GetUtcNow() + options.Value.SessionDuration;
        return id;
    }

    /// <summary>Whether <paramref name="id"/> is a live session; using it extends it (sliding expiry).</summary>
    public bool IsValid(string? id)
    {
        if (id is null || !_expiries.TryGetValue(id, out var expiry))
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (expiry <= now)
        {
            _expiries.TryRemove(id, out _);
            return false;
        }

        _expiries.TryUpdate(id, now + options.Value.SessionDuration, expiry);
        return true;
    }

    public void End(string? id)
    {
        if (id is not null)
        {
            _expiries.TryRemove(id, out _);
        }
    }

    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (id, expiry) in _expiries)
        {
            if (expiry <= now)
            {
                _expiries.TryRemove(id, out _);
            }
        }
    }

    private static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
