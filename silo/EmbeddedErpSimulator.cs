using BudgetActors.ErpSimulator;

namespace BudgetActors.Silo;

/// <summary>Owns the simulator the embedded silo talks to: says where it is, and stops it with the silo.</summary>
public sealed partial class EmbeddedErpSimulator(ErpSimulatorServer simulator, ILogger<EmbeddedErpSimulator> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Started(logger, simulator.BaseAddress);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await simulator.DisposeAsync();

    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "No ERP is configured: using the embedded ERP simulator at {BaseAddress} (faults and journal at {BaseAddress}admin/companies)")]
    private static partial void Started(ILogger logger, Uri baseAddress);
}
