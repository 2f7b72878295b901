using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace BudgetActors.Grains.Tokens;

/// <summary>
/// What an API token looks like: <c>ba_</c> and 256 random bits in base64url. The prefix lets people and
/// secret scanners recognise one; the randomness is why a plain SHA-256 (no salt, no slow hash) is enough
/// to store it: there is nothing to guess a dictionary of.
/// </summary>
public static class ApiTokenFormat
{
    public const string Prefix = "ba_";

    private const int SecretBytes = 32;

    // base64url of 32 bytes without padding.
    private static readonly int s_length = Prefix.Length + Base64Url.GetEncodedLength(SecretBytes);

    /// <summary>A new token and the hash that is all the store keeps of it.</summary>
    public static (string Token, byte[] Hash) New()
    {
        var token = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (token, Hash(token));
    }

    /// <summary>A token's public name: random too, so it tells nothing about the secret or the order of issue.</summary>
    public static string NewTokenId() => "tok_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Whether <paramref name="token"/> could be one of ours; anything else is refused without a lookup.</summary>
    public static bool IsWellFormed(string? token) =>
        token is not null
        && token.Length == s_length
        && token.StartsWith(Prefix, StringComparison.Ordinal)
        && Base64Url.IsValid(token.AsSpan(Prefix.Length));
}
