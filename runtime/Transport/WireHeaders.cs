namespace BudgetActors.Runtime;

/// <summary>
/// The HTTP/2 headers a grain call travels with (HPACK keeps repeated ones to a few bytes); the body is
/// the JSON array of arguments, and the answer's body the JSON result.
/// </summary>
internal static class WireHeaders
{
    public const string CallPath = "call";
    public const string MembersPath = "cluster/members";
    public const string HealthPath = "health";
    public const string RefreshPath = "cluster/refresh";
    public const string WhoAmIPath = "whoami";
    public const string StatisticsPath = "cluster/statistics";

    /// <summary><c>type/key</c>, each part percent-encoded.</summary>
    public const string Grain = "ba-grain";

    /// <summary>The method as <see cref="GrainMethodCatalog"/> names it.</summary>
    public const string Method = "ba-method";

    public const string CorrelationId = "ba-correlation";

    /// <summary>The grains up the call chain, outermost first, comma-separated (for deadlock detection).</summary>
    public const string Chain = "ba-chain";

    /// <summary><c>company/user</c> of the caller; believed only from another silo of the cluster.</summary>
    public const string Caller = "ba-caller";

    public const string Hops = "ba-hops";

    /// <summary>Milliseconds the caller still waits.</summary>
    public const string Timeout = "ba-timeout-ms";

    /// <summary>On the answer: "ok" (body is the result) or "error" (body is a <see cref="RemoteError"/>).</summary>
    public const string Outcome = "ba-outcome";

    /// <summary>On the answer: the answering silo's membership version, so callers know when to refresh their view.</summary>
    public const string View = "ba-view";

    /// <summary>The scheme silos use among themselves, with the cluster secret.</summary>
    public const string ClusterScheme = "Cluster";

    public const string BearerScheme = "Bearer";

    public static string Encode(GrainId grain) => $"{Uri.EscapeDataString(grain.Type)}/{Uri.EscapeDataString(grain.Key)}";

    public static GrainId DecodeGrain(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0
            ? throw new FormatException($"'{value}' is not a grain id (type/key).")
            : new GrainId(Uri.UnescapeDataString(value[..slash]), Uri.UnescapeDataString(value[(slash + 1)..]));
    }
}
