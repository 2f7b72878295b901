using System.Text.Json.Serialization.Metadata;

namespace BudgetActors.Client;

/// <summary>How a client finds the cluster and who it calls as.</summary>
public sealed class ClusterClientOptions
{
    /// <summary>Silo endpoints to ask for the membership view ("host:port" or "http://host:port"). Default none.</summary>
    public IList<string> Gateways { get; } = [];

    /// <summary>
    /// Alternatively (or also), the PostgreSQL database of the cluster's membership table: the client reads
    /// the live silos there. Default none.
    /// </summary>
    public string? MembershipConnectionString { get; set; }

    /// <summary>The service whose silos to call (with <see cref="MembershipConnectionString"/>). Default "budgetactors".</summary>
    public string ServiceId { get; set; } = "budgetactors";

    /// <summary>The bearer token issued to the company user this client acts for. Required.</summary>
    public string? Token { get; set; }

    /// <summary>How long a call may take before it fails as timed out. Default 30 seconds.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the membership view is read again even when nothing failed. Default 10 seconds.</summary>
    public TimeSpan ViewRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many silos a call that could not be delivered is tried on. Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The JSON contracts of the grain interfaces' arguments and results (source-generated contexts).</summary>
    public IList<IJsonTypeInfoResolver> JsonContexts { get; } = [];

    internal IEnumerable<string> Validate()
    {
        if (Gateways.Count == 0 && string.IsNullOrWhiteSpace(MembershipConnectionString))
        {
            yield return "ClusterClientOptions: set Gateways or MembershipConnectionString so the client can find the silos.";
        }

        if (string.IsNullOrWhiteSpace(Token))
        {
            yield return "ClusterClientOptions.Token is required: a bearer token issued to a company user.";
        }

        if (ResponseTimeout <= TimeSpan.Zero || ViewRefreshInterval <= TimeSpan.Zero || MaxAttempts < 1)
        {
            yield return "ClusterClientOptions: ResponseTimeout and ViewRefreshInterval must be positive and MaxAttempts at least 1.";
        }
    }
}
