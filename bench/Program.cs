using BudgetActors.Benchmarks;

// dotnet run -c Release --project bench -- <benchmark> [--seconds N]
var name = args.FirstOrDefault() ?? "";
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).FirstOrDefault(5);
switch (name)
{
    case "runtime":
        await RuntimeBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), Console.Out);
        return 0;
    default:
        Console.Error.WriteLine("usage: dotnet run -c Release --project bench -- runtime [--seconds N]");
        return 2;
}
