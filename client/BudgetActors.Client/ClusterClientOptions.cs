using System.Net;

namespace BudgetActors.Client;

/// <summary>Where the cluster is and who calls it.</summary>
public sealed class ClusterClientOptions
{
    /// <summary>The API token every call carries (<c>ba_...</c>); the silo takes the caller from it.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// Silo gateways to call, <c>host:port</c> (port 30000 by default), when the membership table is not
    /// readable from where the app runs. Ignored when <see cref="MembershipConnectionString"/> is set.
    /// </summary>
    public IList<string> Gateways { get; } = [];

    /// <summary>The service's PostgreSQL database: the client reads the live gateways from its membership table.</summary>
    public string? MembershipConnectionString { get; set; }

    /// <summary>The cluster's id (the silos' <c>Cluster:ClusterId</c>).</summary>
    public string ClusterId { get; set; } = "budgetactors";

    /// <summary>
    /// How long a call may take before it fails with a <see cref="TimeoutException"/> (its outcome then unknown).
    /// A call caught by a silo that hangs waits this long, whatever membership decides meanwhile.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The service's id (the silos' <c>Cluster:ServiceId</c>).</summary>
    public string ServiceId { get; set; } = "budgetactors";

    /// <summary>The problems that keep these options from working, for a clear error at start.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            yield return "ClusterClientOptions.Token is required: every call is made as the token's user.";
        }

        if (string.IsNullOrWhiteSpace(MembershipConnectionString) && Gateways.Count == 0)
        {
            yield return "Give ClusterClientOptions.MembershipConnectionString or at least one gateway (host:port).";
        }

        foreach (var gateway in Gateways.Where(g => ParseGateway(g) is null))
        {
            yield return $"'{gateway}' is not a gateway address (host:port).";
        }
    }

    internal static IPEndPoint? ParseGateway(string gateway)
    {
        var colon = gateway.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(gateway[(colon + 1)..], out var port) || port is <= 0 or > 65535)
        {
            return null;
        }

        var host = gateway[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, port);
        }

        // A name is resolved once, at start; Orleans' static gateway list holds addresses.
        var resolved = Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
        return resolved is null ? null : new IPEndPoint(resolved, port);
    }
}
