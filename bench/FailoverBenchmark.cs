using System.Diagnostics;
using BudgetActors.Benchmarks.Load;
using BudgetActors.GrainInterfaces;
using BudgetActors.Testing;

namespace BudgetActors.Benchmarks;

/// <summary>
/// (d) Failover: three silo processes (this build's silo) on one throwaway PostgreSQL, and a client app
/// on the client library calling 30 budgets in loops (one per budget, 5 s call deadline, as a client app
/// that retries would set). Each event has budgets of its own, created just before it, so that wherever
/// placement put them some live on the victim (after a restart the survivors hold every older one). A silo is killed with SIGKILL (a machine dies) or stopped with SIGSTOP (a
/// machine hangs, connections open); the benchmark reads when the survivors declared it dead and when
/// every budget answered again, then restarts the silo and waits for it to rejoin before the next event.
/// </summary>
internal static class FailoverBenchmark
{
    private const string Company = "acme";
    private const int Budgets = 30;
    private const int Silos = 3;

    public static async Task RunAsync(int repeat, TextWriter output)
    {
        var ct = CancellationToken.None;
        output.WriteLine("failover: starting PostgreSQL and three silo processes ...");
        await using var server = await PostgresServer.StartAsync(ct);
        var database = await server.CreateDatabaseAsync("failover", ct);
        var environment = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" };
        var silos = new List<SiloProcess>();
        try
        {
            for (var i = 0; i < Silos; i++)
            {
                silos.Add(await SiloProcess.StartAsync(database, SiloProcess.FreePort(), environment, ct));
            }

            await ClusterMembers.WaitUntilAsync(database, m => m.Length == Silos, TimeSpan.FromSeconds(60), ct);
            var admin = (await SiloProcess.RunCommandAsync(["token", "issue", "--company", Company, "--user", "admin", "--email", "admin@acme.test", "--postgres", database], environment, ct))
                .Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("ba_", StringComparison.Ordinal));
            await using var adminApp = await ClientApp.StartAsync(database, admin, ct);
            var pmToken = await SetUpAsync(adminApp.Grains, 2 * repeat);
            await using var app = await ClientApp.StartAsync(database, pmToken, ct);
            var client = app.Grains;
            var table = new ResultTable($"failover benchmark ({Environment.ProcessorCount} cores; {Silos} silo processes on PostgreSQL; a client app calling {Budgets} budgets in loops, 5 s call deadline)");
            for (var round = 0; round < repeat; round++)
            {
                foreach (var hang in new[] { false, true })
                {
                    var probes = await ProbeNewBudgetsAsync(client, (2 * round) + (hang ? 1 : 0));
                    var index = 1 + ((2 * round) + (hang ? 1 : 0)) % (Silos - 1); // never the first: it holds the admin tool's gateway
                    var victim = silos[index];
                    var member = (await ClusterMembers.ReadAsync(database, ct)).Single(m => m.StartsWith($"{victim.Port}/", StringComparison.Ordinal));
                    output.WriteLine($"failover: {(hang ? "SIGSTOP" : "kill -9")} of the silo on port {victim.Port} ...");
                    var at = Stopwatch.GetTimestamp();
                    if (hang)
                    {
                        victim.Pause();
                    }
                    else
                    {
                        victim.Kill();
                    }

                    await ClusterMembers.WaitUntilAsync(database, m => !m.Contains(member), TimeSpan.FromSeconds(120), ct);
                    var declaredDead = Stopwatch.GetElapsedTime(at);
                    var recovered = await UntilEveryBudgetAnswersAsync(probes, at);
                    var affected = probes.Count(p => p.Failures(at) > 0);
                    var failed = probes.Sum(p => p.Failures(at));
                    await Task.WhenAll(probes.Select(p => p.StopAsync()));
                    output.WriteLine($"failover:   declared dead after {declaredDead.TotalSeconds:0.0} s; every budget answered again after {recovered.TotalSeconds:0.0} s ({affected} budgets saw {failed} failed calls)");

                    var target = TimeSpan.FromSeconds(hang ? 15 : 10);
                    var what = hang ? "SIGSTOP" : "kill -9";
                    table.Add($"{what} (event {round + 1}): calls to every budget succeed again", $"{recovered.TotalSeconds:0.0} s ({affected} of {Budgets} budgets saw {failed} failed calls)", $"declared dead after {declaredDead.TotalSeconds:0.0} s", "", $"<= {target.TotalSeconds:0} s", recovered <= target);

                    // The silo comes back on its port, as a service manager restarts it, and rejoins before the next event.
                    victim.Kill();
                    await victim.DisposeAsync();
                    silos[index] = await SiloProcess.StartAsync(database, victim.Port, environment, ct);
                    await ClusterMembers.WaitUntilAsync(database, m => m.Length == Silos, TimeSpan.FromSeconds(60), ct);
                }
            }

            table.Print(output);
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    /// <summary>Waits until every probe has answered after its last failure (or 120 s); returns the latest such answer since <paramref name="at"/>.</summary>
    private static async Task<TimeSpan> UntilEveryBudgetAnswersAsync(Probe[] probes, long at)
    {
        var guard = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (probes.Any(p => p.RecoveredAt(at) is null) && guard.Elapsed < TimeSpan.FromSeconds(120))
        {
            await tick.WaitForNextTickAsync();
        }

        // A call the event caught may still fail after an answer from a grain that had not moved yet: a second's margin.
        await Task.Delay(TimeSpan.FromSeconds(1));
        return probes.Select(p => p.RecoveredAt(at)).Max() is { } last ? Stopwatch.GetElapsedTime(at, last) : TimeSpan.MaxValue;
    }

    /// <summary>Creates the event's budgets and starts calling each in a loop.</summary>
    private static async Task<Probe[]> ProbeNewBudgetsAsync(IClusterClient client, int @event)
    {
        var budgets = Enumerable.Range(0, Budgets).Select(i => client.GetGrain<IBudgetGrain>(BudgetKey.Of(Company, Project(@event, i)))).ToArray();
        await Task.WhenAll(budgets.Select(b => b.CreateAsync()));
        return [.. budgets.Select(b => new Probe(b.GetAsync))];
    }

    private static string Project(int @event, int i) => $"p-{@event}-{i}";

    /// <summary>The company, its project manager and thirty projects per event, set up by its first admin; returns the manager's token.</summary>
    private static async Task<string> SetUpAsync(IClusterClient admin, int events)
    {
        var company = admin.GetGrain<ICompanyGrain>(Company);
        await company.ConfigureAsync(new CompanySettings(ErpSystem.Spectrum, "001", "America/Chicago", new TimeOnly(7, 0)));
        await company.SaveUserAsync(new CompanyUser("pm", "Pat Manager", "pm@acme.test", ToolPermission.Admin, ToolPermission.ReadOnly, false, false));
        for (var e = 0; e < events; e++)
        {
            for (var i = 0; i < Budgets; i++)
            {
                await company.LinkProjectAsync(new ProjectLink(Project(e, i), $"J-{e}-{i}", JobSynced: true));
            }
        }

        return (await company.IssueTokenAsync("pm", "failover benchmark")).Token;
    }
}
