using System.Collections.Concurrent;
using System.Security.Cryptography;
using BudgetActors.Grains.Security;

namespace BudgetActors.Dashboard.Tests;

/// <summary>
/// The API tokens of a test's cluster, shared by its silos as a PostgreSQL token store would be: every grain
/// call the tests make is a client call with a token (<see cref="CallerContext.Token"/>), authenticated by the
/// silo that receives it, whichever silo the grain lives on.
/// </summary>
public sealed class TestTokens : ICallerAuthenticator
{
    private readonly ConcurrentDictionary<string, CallerIdentity> _callers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<CallerIdentity, string> _tokens = new();

    /// <summary>The token of <paramref name="caller"/>, issued on first use.</summary>
    public string For(CallerIdentity caller) => _tokens.GetOrAdd(caller, c =>
    {
        var token = "test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _callers[token] = c;
        return token;
    });

    public ValueTask<CallerIdentity?> AuthenticateAsync(string bearerToken, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_callers.TryGetValue(bearerToken, out var caller) ? caller : null);
}
