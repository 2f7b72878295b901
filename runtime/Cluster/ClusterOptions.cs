namespace BudgetActors.Runtime;

/// <summary>How a silo takes part in a cluster: its endpoint, the cluster secret, heartbeats and death detection.</summary>
public sealed class ClusterOptions
{
    /// <summary>The address the silo's endpoint listens on. Default 127.0.0.1; "0.0.0.0" for every interface.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>The port silos and clients call. Default 11111; 0 picks a free port (tests).</summary>
    public int Port { get; set; } = 11111;

    /// <summary>The host name other silos and clients reach this silo by. Default: <see cref="ListenAddress"/>, or the machine name when listening on every interface.</summary>
    public string? AdvertisedHost { get; set; }

    /// <summary>
    /// The secret silos show each other. Calls from another silo are trusted to carry the caller's
    /// identity only with it. Every silo of a cluster sets the same one; a silo without one makes one up,
    /// which serves a silo running alone but refuses the calls other silos pass on to it.
    /// </summary>
    public string? ClusterSecret { get; set; }

    /// <summary>How often a silo writes its heartbeat and reads the membership table. Default 1 second.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How old a member's last heartbeat may be before the others declare it dead. Default 5 seconds.</summary>
    public TimeSpan DeathTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many times a call may be passed on by silos that do not own its grain. Default 2.</summary>
    public int MaxForwardHops { get; set; } = 2;

    /// <summary>Set when silos share a membership table: then they should share a configured secret.</summary>
    internal bool RequiresSecret { get; set; }

    /// <summary>The host other silos and clients use to reach this one.</summary>
    internal string HostToAdvertise =>
        AdvertisedHost is { Length: > 0 } host ? host
        : ListenAddress is "0.0.0.0" or "::" ? System.Net.Dns.GetHostName()
        : ListenAddress;
}
