using BudgetActors.Benchmarks.Grains;
using BudgetActors.Benchmarks.Load;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetActors.Benchmarks;

/// <summary>
/// (c) Cross-silo against in-silo calls: two silos in this process (TCP on loopback between them), 64
/// callers in the first silo calling bare grains that live on the second, against the same callers calling
/// grains that live on the first. Both silos share the machine's cores, as they would share a host's.
/// </summary>
internal static class CrossSiloBenchmark
{
    private const int Grains = 4_000;

    public static async Task RunAsync(TimeSpan measured, int rounds, TextWriter output)
    {
        output.WriteLine("cross-silo: starting two silos ...");
        await using var first = await BenchSilo.StartBareAsync("bench-cross");
        await using var second = await BenchSilo.StartBareAsync("bench-cross", primary: first.Endpoint);

        // Random placement spreads the grains; each says where it runs.
        var grains = Enumerable.Range(0, Grains).Select(i => first.Grains.GetGrain<IBareCompanyGrain>(CallsBenchmark.CompanyId(i))).ToArray();
        var silos = await Task.WhenAll(grains.Select(g => g.SiloAsync()));
        var here = first.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();
        var local = grains.Where((_, i) => silos[i] == here).ToArray();
        var remote = grains.Where((_, i) => silos[i] != here).ToArray();
        output.WriteLine($"cross-silo: {local.Length:N0} grains on the calling silo, {remote.Length:N0} on the other");
        if (local.Length < CallsBenchmark.Callers || remote.Length < CallsBenchmark.Callers)
        {
            throw new InvalidOperationException("The grains did not spread over both silos.");
        }

        var results = await Rounds.MeasureAsync(
            [
                Contender.Of("in-silo", (caller, i) => local[CallsBenchmark.Pick(caller, i, local.Length)].GetAsync()),
                Contender.Of("cross-silo", (caller, i) => remote[CallsBenchmark.Pick(caller, i, remote.Length)].GetAsync()),
            ],
            CallsBenchmark.Callers, measured, rounds, output);

        var table = new ResultTable($"cross-silo benchmark ({Environment.ProcessorCount} cores; two silos in one process; {CallsBenchmark.Callers} callers; median of {rounds} rounds of {measured.TotalSeconds:0} s)");
        table.Add("cross-silo calls (the answer, a company view, serialised)", results[1].Describe(), $"in-silo: {results[0].Describe()}", $"{results[1].PerSecond / results[0].PerSecond:0.00}", "reported", true);
        table.Print(output);
    }
}
