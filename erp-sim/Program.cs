using System.Globalization;
using System.Net;
using BudgetActors.ErpSimulator;

// dotnet run --project erp-sim [-- --data <file.json>] [--port 5080] [--listen 127.0.0.1]
var data = Option("--data") is { } path ? SimulatorData.Load(path) : SimulatorData.Demo();
var options = new ErpSimulatorOptions
{
    Port = int.Parse(Option("--port") ?? "5080", CultureInfo.InvariantCulture),
    Address = IPAddress.Parse(Option("--listen") ?? "127.0.0.1"),
    ConsoleLogging = true,
};

await using var server = await ErpSimulatorServer.StartAsync(data, options, CancellationToken.None);
Console.WriteLine($"ERP simulator at {server.BaseAddress}");
foreach (var company in server.Erp.Companies)
{
    var where = company.System == SimulatedSystem.Spectrum ? "wsdls/<Service>.jws" : $"vista/companies/{company.Code}";
    Console.WriteLine($"  {company.System} company {company.Code}: {server.BaseAddress}{where}");
}

Console.WriteLine($"Admin (faults, journal, data): {server.BaseAddress}admin/companies. Ctrl+C stops it.");
await server.WaitForShutdownAsync(CancellationToken.None);

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
