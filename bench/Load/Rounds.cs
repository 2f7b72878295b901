namespace BudgetActors.Benchmarks.Load;

/// <summary>
/// Measures contenders side by side in one run: each runs once unmeasured (JIT tiers, pools, caches), then
/// every contender is measured in each of several rounds, taking turns in a rotating order, and the median
/// round of each is reported. The machine's pace drifts over a run (other processes, the collector, a
/// database's checkpoints); one window per contender in a fixed order would put that drift on whichever
/// came first.
/// </summary>
internal static class Rounds
{
    public static async Task<LoadResult[]> MeasureAsync(IReadOnlyList<Contender> contenders, int callers, TimeSpan measured, int rounds, TextWriter output)
    {
        var warmUp = TimeSpan.FromSeconds(Math.Clamp(measured.TotalSeconds / 3, 1, 3));
        foreach (var contender in contenders)
        {
            output.WriteLine($"  warm-up: {contender.Name}, {callers} callers ...");
            await contender.RunAsync(operation => LoadRun.RunAsync(callers, warmUp, measured, operation));
        }

        await JitCompilation.UntilQuietAsync();
        var results = contenders.Select(_ => new List<LoadResult>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var turn = 0; turn < contenders.Count; turn++)
            {
                var c = (round + turn) % contenders.Count;
                var result = await contenders[c].RunAsync(operation => LoadRun.RunAsync(callers, warmUp, measured, operation));
                output.WriteLine($"  round {round + 1} of {rounds}: {contenders[c].Name}: {result.Describe()}");
                results[c].Add(result);
            }
        }

        return [.. results.Select(LoadResult.Median)];
    }
}
