using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;

namespace BudgetActors.Silo.Hosting;

/// <summary>
/// How a silo finds the others and how clients find it: alone on localhost (the embedded default), or every
/// silo of the service on one PostgreSQL database through Orleans' ADO.NET membership table.
/// </summary>
public static class SiloClustering
{
    public const string Section = "Cluster";

    /// <summary>The port silos talk to each other on.</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>The port client apps (the Orleans client library) connect to.</summary>
    public const int DefaultGatewayPort = 30000;

    public const string DefaultServiceId = "budgetactors";

    /// <summary>
    /// <c>Cluster:SiloPort</c>, <c>Cluster:GatewayPort</c>, <c>Cluster:ClusterId</c>, <c>Cluster:ServiceId</c>,
    /// <c>Cluster:AdvertisedHost</c> (the name or address other machines reach this silo by; it then listens on
    /// every interface). With PostgreSQL the silo joins the cluster of every silo on that database; alone it
    /// is a cluster of one on localhost. A one-off token command takes free ports so it never collides with
    /// a silo already serving on this machine.
    /// </summary>
    public static ISiloBuilder UseSiloClustering(this ISiloBuilder silo, SiloSettings settings, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var siloPort = settings.ExitsAfterCommand ? FreePort() : section.GetValue("SiloPort", DefaultSiloPort);
        var gatewayPort = settings.ExitsAfterCommand ? FreePort() : section.GetValue("GatewayPort", DefaultGatewayPort);
        if (settings.Postgres is not { } postgres)
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
        }
        else
        {
            if (section["AdvertisedHost"] is { Length: > 0 } host)
            {
                silo.ConfigureEndpoints(host, siloPort, gatewayPort, listenOnAnyHostAddress: true);
            }
            else
            {
                silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort);
            }

            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = postgres;
            });
        }

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = section["ClusterId"] ?? DefaultServiceId;
            o.ServiceId = section["ServiceId"] ?? DefaultServiceId;
        });
        silo.Configure<ClusterMembershipOptions>(FailoverWithinSeconds);
        silo.Services.AddOptions<ClusterMembershipOptions>().Bind(configuration.GetSection("Membership"));
        return silo;
    }

    /// <summary>
    /// Membership tuned so that calls to the grains of a dead silo succeed again within seconds, where
    /// Orleans' defaults (10 s probes, 3 misses) take 7-15 s after <c>kill -9</c> and about a minute after
    /// a silo hangs (SIGSTOP). A probe is a tiny message between silos on the same network: one a second,
    /// declared dead after two missed ones and two votes, costs nothing noticeable, and a two-second garbage
    /// collection pause (rare at our heap sizes) is still not mistaken for a death. The membership table is
    /// read and the silo's own liveness written every 5 s instead of 60 s (five small PostgreSQL queries a
    /// minute per silo), so a silo whose probes cannot reach anyone is still declared dead from the table.
    /// </summary>
    public static void FailoverWithinSeconds(ClusterMembershipOptions o)
    {
        o.ProbeTimeout = TimeSpan.FromSeconds(1);
        o.NumMissedProbesLimit = 2;
        o.NumVotesForDeathDeclaration = 2;
        o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(10);
        o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
