using System.Diagnostics;
using BudgetActors.Client;
using BudgetActors.GrainInterfaces;
using BudgetActors.Testing;
using Microsoft.Extensions.Options;

namespace BudgetActors.Benchmarks;

/// <summary>
/// Failover after kill -9: three silo processes on one PostgreSQL; the silo that owns a grain is killed
/// while a client calls that grain in a loop. Reports how long until the cluster declares the silo dead
/// and until calls to the grain succeed again (on a survivor).
/// </summary>
internal static class FailoverBenchmark
{
    private const string Secret = "bench-failover";

    public static async Task<(TimeSpan DeclaredDead, TimeSpan CallsResumed)> MeasureAsync(TextWriter output)
    {
        await using var server = await PostgresServer.StartAsync(CancellationToken.None);
        var database = await server.CreateDatabaseAsync("failover", CancellationToken.None);
        var environment = new Dictionary<string, string> { ["BUDGETACTORS_CLUSTER_SECRET"] = Secret, ["Logging__LogLevel__Default"] = "Warning" };
        var silos = new List<SiloProcess>();
        try
        {
            output.WriteLine("failover: starting three silo processes on PostgreSQL ...");
            for (var i = 0; i < 3; i++)
            {
                silos.Add(await SiloProcess.StartAsync(database, SiloProcess.FreePort(), environment, CancellationToken.None));
            }

            var issued = await SiloProcess.RunCommandAsync(
                ["token", "issue", "--company", "acme", "--user", "admin", "--email", "admin@acme.test", "--postgres", database], environment, CancellationToken.None);
            var options = new ClusterClientOptions { Token = issued.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("ba_", StringComparison.Ordinal)) };
            foreach (var silo in silos)
            {
                options.Gateways.Add(silo.Endpoint.ToString());
            }

            await using var client = new ClusterClient(Options.Create(options));
            var company = client.GetGrain<ICompanyGrain>("acme");
            await company.GetAsync();
            var owner = RendezvousPlacement.Owner(new GrainId("company", "acme"), client.View.Silos);
            var victim = silos.Single(s => s.Port == owner.Port);
            var survivor = silos.First(s => s != victim);

            output.WriteLine($"failover: kill -9 of the silo on port {victim.Port}, which runs the grain being called ...");
            var killed = Stopwatch.StartNew();
            victim.Kill();
            var declaredDead = TimeSpan.Zero;
            var resumed = TimeSpan.Zero;
            var membersWatch = WatchMembershipAsync(survivor, victim.Port, killed);
            while (resumed == TimeSpan.Zero)
            {
                try
                {
                    await company.GetAsync();
                    resumed = killed.Elapsed;
                }
                catch (SiloUnavailableException)
                {
                    // the grain's silo is gone and not yet declared dead: the next call tries again
                }
            }

            declaredDead = await membersWatch;
            return (declaredDead, resumed);
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    /// <summary>Follows a survivor's membership view (it answers when the view changes) until the killed silo has left it.</summary>
    private static async Task<TimeSpan> WatchMembershipAsync(SiloProcess survivor, int deadPort, Stopwatch killed)
    {
        await ClusterMembers.WaitUntilAsync(survivor.Endpoint, Secret, m => !m.Any(s => s.Contains($":{deadPort}@", StringComparison.Ordinal)), TimeSpan.FromSeconds(60), CancellationToken.None);
        return killed.Elapsed;
    }
}
