using BudgetActors.Benchmarks;

// dotnet run -c Release --project bench -- erp [--companies C] [--latency-ms L] [--seconds N] [--erp spectrum|vista]
var name = args.FirstOrDefault() ?? "";
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).FirstOrDefault(5);
var companies = args.SkipWhile(a => a != "--companies").Skip(1).Select(int.Parse).FirstOrDefault(20);
var latencyMs = args.SkipWhile(a => a != "--latency-ms").Skip(1).Select(int.Parse).FirstOrDefault(20);
var erp = args.SkipWhile(a => a != "--erp").Skip(1).Select(e => Enum.Parse<BudgetActors.GrainInterfaces.ErpSystem>(e, ignoreCase: true)).FirstOrDefault(BudgetActors.GrainInterfaces.ErpSystem.Spectrum);
switch (name)
{
    case "erp":
        await ErpBenchmark.RunAsync(companies, TimeSpan.FromMilliseconds(latencyMs), TimeSpan.FromSeconds(seconds), erp, Console.Out);
        return 0;
    default:
        Console.Error.WriteLine("usage: dotnet run -c Release --project bench -- erp [--companies C] [--latency-ms L] [--seconds N] [--erp spectrum|vista]");
        return 2;
}
