using System.Globalization;

namespace BudgetActors.Runtime;

/// <summary>
/// Where one run of a silo listens: host, port and a generation (its start time in milliseconds), so a
/// silo restarted on the same port is a different member from the one that died.
/// </summary>
public sealed record SiloAddress(string Host, int Port, long Generation)
{
    /// <summary><c>host:port@generation</c>: the member's id in the membership table and the placement hash.</summary>
    public string Id { get; } = string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}@{Generation}");

    public Uri Endpoint => new(string.Create(CultureInfo.InvariantCulture, $"http://{Host}:{Port}/"));

    public static SiloAddress Parse(string id)
    {
        var at = id.LastIndexOf('@');
        var colon = at > 0 ? id.LastIndexOf(':', at) : -1;
        if (colon <= 0
            || !int.TryParse(id.AsSpan(colon + 1, at - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || !long.TryParse(id.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var generation))
        {
            throw new FormatException($"'{id}' is not a silo address (host:port@generation).");
        }

        return new SiloAddress(id[..colon], port, generation);
    }

    public override string ToString() => Id;
}
