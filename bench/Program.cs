using BudgetActors.Benchmarks;
using BudgetActors.GrainInterfaces;

// dotnet run -c Release --project bench -- <benchmark> [options]: see bench/README.md.
var name = args.FirstOrDefault() ?? "";
var seconds = TimeSpan.FromSeconds(Option("--seconds", 5));
var rounds = Option("--rounds", 3);
switch (name)
{
    case "calls":
        await CallsBenchmark.RunAsync(seconds, rounds, Console.Out);
        return 0;
    case "cross-silo":
        await CrossSiloBenchmark.RunAsync(seconds, rounds, Console.Out);
        return 0;
    case "writes":
        await WritesBenchmark.RunAsync(seconds, rounds, Console.Out);
        return 0;
    case "failover":
        await FailoverBenchmark.RunAsync(Option("--repeat", 2), Console.Out);
        return 0;
    case "dashboard":
        await DashboardBenchmark.RunAsync(seconds, rounds, Console.Out);
        return 0;
    case "erp":
        var erp = args.SkipWhile(a => a != "--erp").Skip(1).Select(e => Enum.Parse<ErpSystem>(e, ignoreCase: true)).FirstOrDefault(ErpSystem.Spectrum);
        await ErpBenchmark.RunAsync(Option("--companies", 20), TimeSpan.FromMilliseconds(Option("--latency-ms", 20)), seconds, erp, Console.Out);
        return 0;
    default:
        Console.Error.WriteLine("""
            usage: dotnet run -c Release --project bench -- <benchmark> [options]
              calls       in-silo calls/s, bare Orleans grain vs the workflow's grain   [--seconds N] [--rounds R]
              writes      persisted writes/s, Orleans ADO.NET storage vs raw Npgsql      [--seconds N] [--rounds R]
              cross-silo  calls/s to grains on another silo vs on this one               [--seconds N] [--rounds R]
              failover    kill -9 and SIGSTOP of a silo process: until calls succeed      [--repeat K]
              dashboard   the Orleans dashboard's cost at saturation                      [--seconds N] [--rounds R]
              erp         ERP exports/s against the ideal     [--companies C] [--latency-ms L] [--seconds N] [--erp spectrum|vista]
            """);
        return 2;
}

int Option(string flag, int fallback) => args.SkipWhile(a => a != flag).Skip(1).Select(int.Parse).FirstOrDefault(fallback);
