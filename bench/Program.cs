using BudgetActors.Benchmarks;

// dotnet run -c Release --project bench -- runtime [calls|memory|writes] [--seconds N]
// dotnet run -c Release --project bench -- cluster [--seconds N]
// dotnet run -c Release --project bench -- erp [--companies C] [--latency-ms L] [--seconds N] [--erp spectrum|vista]
// dotnet run -c Release --project bench -- dashboard [relay] [--seconds N] [--rounds R]
var name = args.FirstOrDefault() ?? "";
var only = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _));
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).FirstOrDefault(5);
var companies = args.SkipWhile(a => a != "--companies").Skip(1).Select(int.Parse).FirstOrDefault(20);
var latencyMs = args.SkipWhile(a => a != "--latency-ms").Skip(1).Select(int.Parse).FirstOrDefault(20);
var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(int.Parse).FirstOrDefault(24);
var erp = args.SkipWhile(a => a != "--erp").Skip(1).Select(e => Enum.Parse<BudgetActors.GrainInterfaces.ErpSystem>(e, ignoreCase: true)).FirstOrDefault(BudgetActors.GrainInterfaces.ErpSystem.Spectrum);
switch (name)
{
    case "runtime" when only is null or "calls" or "memory" or "writes":
        await RuntimeBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), only, Console.Out);
        return 0;
    case "cluster":
        await ClusterBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), Console.Out);
        return 0;
    case "erp":
        await ErpBenchmark.RunAsync(companies, TimeSpan.FromMilliseconds(latencyMs), TimeSpan.FromSeconds(seconds), erp, Console.Out);
        return 0;
    case "dashboard" when only is null or "relay":
        // Short windows, many of them: the A/B alternation, not each window's length, cancels the noise.
        await DashboardBenchmark.RunAsync(TimeSpan.FromSeconds(args.Contains("--seconds") ? seconds : 1), rounds, relay: only == "relay", Console.Out);
        return 0;
    default:
        Console.Error.WriteLine("usage: dotnet run -c Release --project bench -- runtime [calls|memory|writes] [--seconds N]");
        Console.Error.WriteLine("       dotnet run -c Release --project bench -- cluster [--seconds N]");
        Console.Error.WriteLine("       dotnet run -c Release --project bench -- erp [--companies C] [--latency-ms L] [--seconds N] [--erp spectrum|vista]");
        Console.Error.WriteLine("       dotnet run -c Release --project bench -- dashboard [relay] [--seconds N] [--rounds R]");
        return 2;
}
