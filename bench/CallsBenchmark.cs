using BudgetActors.Benchmarks.Grains;
using BudgetActors.Benchmarks.Load;
using BudgetActors.GrainInterfaces;

namespace BudgetActors.Benchmarks;

/// <summary>
/// (a) In-silo calls at 64 callers: a bare Orleans grain against the workflow's company grain answering
/// the same view, each on its own silo in this process. What separates them is what the workflow adds to
/// every call: the caller and the silo's mark in the request context, the caller authentication filter,
/// the grain's persistent state and its caller check. The work inside (building the view) is the same.
/// </summary>
internal static class CallsBenchmark
{
    public const int Callers = 64;
    public const int Companies = 1_000;

    public static async Task RunAsync(TimeSpan measured, int rounds, TextWriter output)
    {
        output.WriteLine($"calls: starting a bare silo and a workflow silo, {Companies:N0} companies on each ...");
        await using var bare = await BenchSilo.StartBareAsync("bench-bare");
        await using var workflow = await BenchSilo.StartWorkflowAsync("bench-workflow");
        var bareGrains = Enumerable.Range(0, Companies).Select(i => bare.Grains.GetGrain<IBareCompanyGrain>(CompanyId(i))).ToArray();
        await Task.WhenAll(bareGrains.Select(g => g.GetAsync()));
        var ours = await SetUpCompaniesAsync(workflow);

        // The steps between the two, to see what each part of the workflow's path costs.
        var onWorkflow = Enumerable.Range(0, Companies).Select(i => workflow.Grains.GetGrain<IBareCompanyGrain>(CompanyId(i))).ToArray();

        var results = await Rounds.MeasureAsync(
            [
                Contender.Of("bare Orleans grain", (caller, i) => bareGrains[Pick(caller, i)].GetAsync()),
                Contender.Of("workflow company grain", (caller, i) => GetAsOperatorAsync(workflow, ours, caller, i)),
                Contender.Of("bare grain, workflow silo", (caller, i) => onWorkflow[Pick(caller, i)].GetAsync()),
                Contender.Of("bare grain, workflow silo, caller in the request context", (caller, i) => WithCallerAsync(workflow, onWorkflow[Pick(caller, i)])),
            ],
            Callers, measured, rounds, output);

        var ratio = results[1].PerSecond / results[0].PerSecond;
        var table = new ResultTable($"calls benchmark ({Environment.ProcessorCount} cores; in-silo calls, {Callers} callers over {Companies:N0} grains; median of {rounds} rounds of {measured.TotalSeconds:0} s)");
        table.Add("ours: ICompanyGrain.GetAsync as the REST API calls it", results[1].Describe(), $"bare: {results[0].Describe()}", $"{ratio:0.00}", ">= 0.90 of bare", ratio >= 0.9);
        table.Add("  step: the bare grain on the workflow silo (its call filter installed)", results[2].Describe(), "bare", $"{results[2].PerSecond / results[0].PerSecond:0.00}", "", true);
        table.Add("  step: ... and the caller in the request context (SiloCallers.ActAs)", results[3].Describe(), "bare", $"{results[3].PerSecond / results[0].PerSecond:0.00}", "", true);
        table.Print(output);
    }

    /// <summary>Sets each company up as its admin would; returns the grains.</summary>
    public static async Task<ICompanyGrain[]> SetUpCompaniesAsync(BenchSilo silo)
    {
        var ids = Enumerable.Range(0, Companies).Select(CompanyId).ToArray();
        foreach (var chunk in ids.Chunk(100))
        {
            await Task.WhenAll(chunk.Select(id => BenchCompany.SetUpAsync(silo.Grains, silo.Callers, id)));
        }

        return [.. ids.Select(id => silo.Grains.GetGrain<ICompanyGrain>(id))];
    }

    /// <summary>One call as the REST API makes it: the silo's own code acting for the company's admin.</summary>
    public static async Task GetAsOperatorAsync(BenchSilo silo, ICompanyGrain[] companies, int caller, long i)
    {
        var company = companies[Pick(caller, i)];
        using (silo.Callers.ActAs(new CallerIdentity(company.GetPrimaryKeyString(), BenchCompany.AdminId)))
        {
            await company.GetAsync();
        }
    }

    /// <summary>The bare grain's call with what the REST API puts around a call: the caller and the silo's mark.</summary>
    private static async Task WithCallerAsync(BenchSilo silo, IBareCompanyGrain grain)
    {
        using (silo.Callers.ActAs(new CallerIdentity(grain.GetPrimaryKeyString(), BenchCompany.AdminId)))
        {
            await grain.GetAsync();
        }
    }

    /// <summary>Spreads the callers over <paramref name="count"/> grains, so that concurrent callers mostly reach different grains.</summary>
    public static int Pick(int caller, long i, int count = Companies) => (int)(((caller * 7919L) + i) % count);

    public static string CompanyId(int i) => $"bench-{i}";
}
