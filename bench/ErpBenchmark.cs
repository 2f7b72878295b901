using BudgetActors.Grains.Security;
using BudgetActors.Testing;
using Orleans.Providers;
using System.Diagnostics;
using System.Runtime;
using BudgetActors.Erp;
using BudgetActors.Erp.Spectrum;
using BudgetActors.Erp.Vista;
using BudgetActors.ErpSimulator;
using BudgetActors.GrainInterfaces;
using BudgetActors.Grains;
using BudgetActors.Grains.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BudgetActors.Benchmarks;

/// <summary>
/// Export throughput through the whole workflow (budget, ERP gateway, connector, HTTP, simulator) for C ERP
/// companies whose every call takes L: one gateway per company calls its ERP one call at a time, so the
/// ideal is C / (calls per export x L) exports per second. Serialisation holds when no journal shows an
/// overlap; idempotency when none shows a double posting.
/// </summary>
internal static class ErpBenchmark
{
    // The silo's own code path: the benchmark acts as the silo does for the REST API.
    private static SiloCallers? s_silo;

    private const int WarmUpRounds = 3;
    private const int WarmUpPerCompany = 3 * 15;

    private static readonly CompanyUser Admin = new("admin", "Ada Admin", "admin@bench.test", ToolPermission.Admin, ToolPermission.Admin, false, false, IsCompanyAdmin: true);
    private static readonly CompanyUser ProjectManager = new("pm", "Pat Manager", "pm@bench.test", ToolPermission.Admin, ToolPermission.ReadOnly, false, false);
    private static readonly CompanyUser Approver = new("ap1", "Alex Approver", "ap1@bench.test", ToolPermission.ReadOnly, ToolPermission.Standard, true, false);

    public static async Task RunAsync(int companies, TimeSpan latency, TimeSpan measured, ErpSystem erp, TextWriter output)
    {
        // Spectrum posts with one AddPhase; Vista reads the job's phases, then submits the action (done at once here).
        var callsPerExport = erp == ErpSystem.Spectrum ? 1 : 2;
        var perCompany = Math.Max(10, (int)Math.Ceiling(measured / (latency * callsPerExport)));
        var system = erp == ErpSystem.Spectrum ? SimulatedSystem.Spectrum : SimulatedSystem.Vista;
        var data = new SimulatorData
        {
            Companies = [.. Enumerable.Range(1, companies).Select(c => new CompanyData(system, Code(erp, c), $"bench-secret-{c}", ["01-100", "03-300"],
                [.. Enumerable.Range(0, WarmUpPerCompany + perCompany).Select(p => new JobData(Job(p), $"Project {p}", []))]))],
        };

        await using var simulator = await ErpSimulatorServer.StartAsync(data, CancellationToken.None);
        using var host = await StartSiloAsync(simulator, data);
        var client = host.Services.GetRequiredService<IGrainFactory>();
        s_silo = host.Services.GetRequiredService<SiloCallers>();

        output.WriteLine($"erp: setting up {companies} {erp} companies x {WarmUpPerCompany} + {perCompany} budgets (no latency while setting up) ...");
        var all = await Task.WhenAll(Enumerable.Range(1, companies).Select(c => SetUpAsync(client, erp, c, WarmUpPerCompany + perCompany)));

        // Warm-up: the first budgets of each company go through the whole export path with no latency, so the
        // measured run starts with the code compiled and the connections open.
        // Tiered compilation recompiles hot methods (with profile-guided optimisation) only after they have been
        // called a while and the JIT has been quiet, so the warm-up goes in rounds, each followed by a pause for
        // the background compiles, until a round compiles next to nothing.
        var perRound = WarmUpPerCompany / WarmUpRounds;
        for (var round = 0; round < WarmUpRounds; round++)
        {
            var compiledBefore = JitInfo.GetCompiledMethodCount();
            await AcceptAllAsync(all.SelectMany(b => b.Skip(round * perRound).Take(perRound)));
            await UntilPostedAsync(simulator, companies * perRound * (round + 1), TimeSpan.FromMinutes(1));
            await JitCompilation.UntilQuietAsync();
            output.WriteLine($"erp: warm-up round {round + 1}: {perRound} exports per company, {JitInfo.GetCompiledMethodCount() - compiledBefore:N0} methods compiled");
        }

        var budgets = all.SelectMany(b => b.Skip(WarmUpPerCompany)).ToList();

        foreach (var company in simulator.Erp.Companies)
        {
            company.Faults = new FaultSettings { LatencyMs = (int)latency.TotalMilliseconds };
            company.ClearJournal();
        }

        output.WriteLine($"erp: accepting {budgets.Count:N0} budgets at once; each ERP call takes {latency.TotalMilliseconds:0} ms ...");
        var machine = MachineCpu.Start();
        var gcPauseBefore = GC.GetTotalPauseDuration();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var jitBefore = JitInfo.GetCompiledMethodCount();
        var jitTimeBefore = JitInfo.GetCompilationTime();
        var clock = Stopwatch.StartNew();
        await AcceptAllAsync(budgets);
        var accepted = clock.Elapsed;
        var allAccepted = TimeProvider.System.GetUtcNow();
        await UntilPostedAsync(simulator, budgets.Count, measured * 20 + TimeSpan.FromMinutes(1));

        var elapsed = clock.Elapsed;
        var (machineCores, processCores) = machine.Stop();
        var gcPause = GC.GetTotalPauseDuration() - gcPauseBefore;
        var jitted = JitInfo.GetCompiledMethodCount() - jitBefore;
        var jitTime = JitInfo.GetCompilationTime() - jitTimeBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var journals = simulator.Erp.Companies.Select(c => c.Journal()).ToList();
        var overlaps = journals.Sum(j => j.Overlaps.Count);
        var doubles = journals.Sum(j => j.DoublePostings.Count);
        var erpBusy = journals.Max(j => j.Entries[^1].End!.Value - j.Entries[0].Start);
        var entries = journals.SelectMany(j => j.Entries).ToList();
        var inCall = TimeSpan.FromTicks((long)entries.Average(e => (e.End!.Value - e.Start).Ticks));
        var between = TimeSpan.FromTicks((long)journals.Where(j => j.Entries.Count > 1)
            .SelectMany(j => j.Entries.Zip(j.Entries.Skip(1), (a, b) => (b.Start - a.End!.Value).Ticks)).Average());
        var ideal = companies / (callsPerExport * latency.TotalSeconds);
        var throughput = budgets.Count / elapsed.TotalSeconds;

        // Steady state: from the moment every budget is accepted (every queue full) until the first company has
        // posted its last export (its queue runs dry); every company is busy throughout, so the ideal holds.
        var steadyEnd = journals.Min(j => j.Entries.Where(e => e.BatchKey is not null).Max(e => e.End!.Value));
        var steadyWindow = steadyEnd - allAccepted;
        var steadyPostings = entries.Count(e => e.BatchKey is not null && e.End > allAccepted && e.End <= steadyEnd);
        var steady = steadyPostings / steadyWindow.TotalSeconds;
        var steadyRatio = steady / ideal;

        var table = new ResultTable($"erp benchmark ({Environment.ProcessorCount} cores; {companies} {erp} companies; {latency.TotalMilliseconds:0} ms per ERP call; {callsPerExport} call(s) per export; {budgets.Count:N0} exports)");
        table.Add("exports/s, steady state (every queue full)", $"{steady:N1} ({steadyPostings:N0} in {steadyWindow.TotalSeconds:N2} s)", $"ideal C/(k*L) = {ideal:N1}/s", $"{steadyRatio:N2}", ">= 0.90 of ideal", steadyRatio >= 0.9);
        table.Add("exports/s, first accept to last posting", $"{throughput:N1} ({budgets.Count:N0} in {elapsed.TotalSeconds:N2} s; accepts took {accepted.TotalSeconds:N2} s)", $"ideal C/(k*L) = {ideal:N1}/s", $"{throughput / ideal:N2}", "", true);
        table.Add("  busiest company, first call to last", $"{erpBusy.TotalSeconds:N2} s for {perCompany} exports", $"ideal {perCompany * callsPerExport * latency.TotalSeconds:N2} s", $"{perCompany * callsPerExport * latency.TotalSeconds / erpBusy.TotalSeconds:N2}", "", true);
        table.Add("  mean time in the ERP per call", $"{inCall.TotalMilliseconds:N1} ms", $"{latency.TotalMilliseconds:N0} ms", "", "", true);
        table.Add("  mean gap between calls to one company", $"{between.TotalMilliseconds:N1} ms", "", "", "", true);
        table.Add("  CPU per export (silo and simulator together)", $"{processCores * elapsed.TotalMilliseconds / budgets.Count:N2} ms ({processCores:N2} of {Environment.ProcessorCount} cores busy)", "", "", "", true);
        table.Add("  allocated per export; GC pauses", $"{allocated / budgets.Count / 1024.0:N1} KB; {gcPause.TotalMilliseconds:N0} ms in all", "", "", "", true);
        table.Add("  methods compiled during the run (JIT)", $"{jitted:N0} ({jitTime.TotalMilliseconds:N0} ms)", "", "", "", true);
        table.Add("  machine CPU busy (every process)", machineCores is { } busy ? $"{busy:N2} of {Environment.ProcessorCount} cores ({Math.Max(0, busy - processCores):N2} not this run's)" : "unknown", "", "", "", true);
        table.Add("serialisation: overlapping calls to one company", $"{overlaps}", "", "", "0", overlaps == 0);
        table.Add("idempotency: postings applied twice", $"{doubles}", "", "", "0", doubles == 0);
        table.Print(output);
        await host.StopAsync();
    }

    /// <summary>Accepts every budget at once, each on its own task, as many approvers acting together would.</summary>
    private static Task AcceptAllAsync(IEnumerable<(string Company, IBudgetGrain Budget)> budgets) =>
        Task.WhenAll(budgets.Select(b => Task.Run(async () =>
        {
            using (s_silo!.ActAs(new CallerIdentity(b.Company, Approver.UserId)))
            {
                await b.Budget.AcceptAsync(1);
            }
        })));

    private static async Task UntilPostedAsync(ErpSimulatorServer simulator, int postings, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (simulator.Erp.Companies.Sum(c => c.Journal(tail: 0).PostingsApplied) < postings)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException("The exports did not finish.");
            }

            await Task.Delay(10);
        }
    }

    private static string Code(ErpSystem erp, int company) => erp == ErpSystem.Spectrum ? $"{company:000}" : $"{company}";

    private static string Job(int project) => $"J-{project:0000}";

    private static async Task<List<(string Company, IBudgetGrain Budget)>> SetUpAsync(IGrainFactory client, ErpSystem erp, int index, int budgets)
    {
        var company = $"bench-{index}";
        var acting = s_silo!.ActAs(new CallerIdentity(company, "system:setup"));
        var grain = client.GetGrain<ICompanyGrain>(company);
        await grain.ConfigureAsync(new CompanySettings(erp, Code(erp, index), "America/Chicago", new TimeOnly(7, 0)));
        foreach (var user in new[] { Admin, ProjectManager, Approver })
        {
            await grain.SaveUserAsync(user);
        }

        var sent = new List<(string, IBudgetGrain)>();
        for (var project = 0; project < budgets; project++)
        {
            acting.Dispose();
            acting = s_silo.ActAs(new CallerIdentity(company, "system:setup"));
            await grain.LinkProjectAsync(new ProjectLink($"p-{project}", Job(project), JobSynced: true));
            acting.Dispose();
            acting = s_silo.ActAs(new CallerIdentity(company, ProjectManager.UserId));
            var budget = client.GetGrain<IBudgetGrain>(BudgetKey.Of(company, $"p-{project}"));
            await budget.CreateAsync();
            await budget.AddLineAsync(new BudgetLine("03-300", "L", "Concrete", 1_000m + project));
            await budget.LockAsync();
            await budget.SendAsync();
            sent.Add((company, budget));
        }

        acting.Dispose();
        return sent;
    }

    private static async Task<IHost> StartSiloAsync(ErpSimulatorServer simulator, SimulatorData data)
    {
        var spectrum = new SpectrumOptions();
        var vista = new VistaOptions { ActionPollInterval = TimeSpan.FromMilliseconds(5) };
        foreach (var company in data.Companies)
        {
            if (company.System == SimulatedSystem.Spectrum)
            {
                spectrum.Companies[company.Code] = new SpectrumCompanyOptions { BaseUrl = simulator.BaseAddress, AuthorizationId = company.Credential };
            }
            else
            {
                vista.Companies[company.Code] = new VistaCompanyOptions { BaseUrl = simulator.BaseAddress, ApiKey = company.Credential };
            }
        }

        var mail = Directory.CreateTempSubdirectory("budgetactors-bench-mail-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(SiloProcess.FreePort(), SiloProcess.FreePort(), serviceId: "erp-bench", clusterId: "erp-bench")
            .AddBudgetWorkflow()
            .AddErpConnector(new SpectrumConnector(ErpServiceCollectionExtensions.CreateHttpClient(), spectrum, TimeProvider.System, NullLogger<SpectrumConnector>.Instance))
            .AddErpConnector(new VistaConnector(ErpServiceCollectionExtensions.CreateHttpClient(), vista, TimeProvider.System, NullLogger<VistaConnector>.Instance))
            .Configure<NotificationOptions>(o => o.PickupFolder = mail)
            .AddMemoryGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)
            .UseInMemoryReminderService());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
