using BudgetActors.Benchmarks.Load;
using BudgetActors.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;
using Orleans.Providers;

namespace BudgetActors.Benchmarks;

/// <summary>
/// (f) What the Orleans dashboard costs a silo at saturation: the calls benchmark's workload (64 callers,
/// the company grain through the workflow's filter) on a silo without the dashboard, with it as this
/// service adds it (<see cref="DashboardSiloBuilderExtensions.AddBudgetActorsDashboardSilo"/>), with the silo
/// counters on, and with the package's defaults. "Watched" turns the call profiler on as an open dashboard
/// page does (it stays on while a page polls, and for a minute after); unwatched, the profiler is off and
/// only the counters run. Each round starts a fresh silo per contender, so nothing one of them left running
/// weighs on the next.
/// </summary>
internal static class DashboardBenchmark
{
    public static async Task RunAsync(TimeSpan measured, int rounds, TextWriter output)
    {
        Contender[] contenders =
        [
            OnSilo("dashboard off", _ => { }),
            OnSilo("ours, nobody watching", silo => silo.AddBudgetActorsDashboardSilo()),
            OnSilo("ours, an operator watching", silo =>
            {
                silo.AddBudgetActorsDashboardSilo();
                silo.Services.PostConfigure<GrainProfilerOptions>(o => o.TraceAlways = true);
            }),
            OnSilo("ours with Dashboard:SiloCounters, nobody watching", silo =>
            {
                silo.AddBudgetActorsDashboardSilo();
                silo.Services.Configure<BudgetActors.Dashboard.DashboardOptions>(o => o.SiloCounters = true);
            }),
            OnSilo("package defaults, an operator watching", silo =>
            {
                silo.AddDashboard();
                silo.Services.Configure<GrainProfilerOptions>(o => o.TraceAlways = true);
            }),
        ];

        output.WriteLine($"dashboard: {contenders.Length} silo set-ups, each started afresh for every round ...");
        var results = await Rounds.MeasureAsync(contenders, CallsBenchmark.Callers, measured, rounds, output);

        var off = results[0];
        var table = new ResultTable($"dashboard benchmark ({Environment.ProcessorCount} cores; in-silo calls to the company grain, {CallsBenchmark.Callers} callers; median of {rounds} rounds of {measured.TotalSeconds:0} s)");
        for (var c = 1; c < contenders.Length; c++)
        {
            var cost = 1 - (results[c].PerSecond / off.PerSecond);
            var ours = c < 3;
            table.Add(contenders[c].Name, results[c].Describe(), $"off: {off.Describe()}", cost >= 0 ? $"{cost:P1} less" : $"{-cost:P1} more (noise)", ours ? "<= 5 % less" : "", !ours || cost <= 0.05);
        }

        table.Print(output);
    }

    private static Contender OnSilo(string name, Action<ISiloBuilder> dashboard) => new(name, async measure =>
    {
        await using var silo = await BenchSilo.StartWorkflowAsync("bench-dashboard", s =>
        {
            s.AddMemoryGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME).UseInMemoryReminderService();
            dashboard(s);
        });
        var companies = await CallsBenchmark.SetUpCompaniesAsync(silo);
        return await measure((caller, i) => CallsBenchmark.GetAsOperatorAsync(silo, companies, caller, i));
    });
}
