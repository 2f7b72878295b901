using BudgetActors.Benchmarks;

// dotnet run -c Release --project bench -- runtime [calls|memory|writes] [--seconds N]
// dotnet run -c Release --project bench -- cluster [--seconds N]
var name = args.FirstOrDefault() ?? "";
var only = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _));
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).FirstOrDefault(5);
switch (name)
{
    case "runtime" when only is null or "calls" or "memory" or "writes":
        await RuntimeBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), only, Console.Out);
        return 0;
    case "cluster":
        await ClusterBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), Console.Out);
        return 0;
    default:
        Console.Error.WriteLine("usage: dotnet run -c Release --project bench -- runtime [calls|memory|writes] | cluster [--seconds N]");
        return 2;
}
