using System.Security.Cryptography;
using System.Text;

namespace BudgetActors.Runtime;

/// <summary>The secret silos of one cluster show each other, compared in constant time.</summary>
internal sealed class ClusterSecret(string value)
{
    private readonly byte[] _bytes = Encoding.UTF8.GetBytes(value);

    public string Value { get; } = value;

    /// <summary>A secret for a silo alone (nobody else needs to know it).</summary>
    public static ClusterSecret Random() => new(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));

    public bool Matches(string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _bytes);
}
