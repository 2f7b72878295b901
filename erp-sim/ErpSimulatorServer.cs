using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace BudgetActors.ErpSimulator;

/// <summary>
/// The simulator as a running web server: started by <c>dotnet run --project erp-sim</c>, or in-process on a
/// loopback port by tests, the benchmark and the embedded silo.
/// </summary>
public sealed class ErpSimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ErpSimulatorServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Erp = app.Services.GetRequiredService<SimulatedErp>();
    }

    /// <summary>Where the simulator answers, e.g. <c>http://127.0.0.1:41234/</c> (Spectrum and Vista share it).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The simulated companies, for in-process callers that want them without the admin endpoint.</summary>
    public SimulatedErp Erp { get; }

    /// <summary>Starts a simulator on a free loopback port.</summary>
    public static Task<ErpSimulatorServer> StartAsync(SimulatorData data, CancellationToken cancellationToken) =>
        StartAsync(data, new ErpSimulatorOptions(), cancellationToken);

    public static Task<ErpSimulatorServer> StartAsync(SimulatorData data, int port, CancellationToken cancellationToken) =>
        StartAsync(data, new ErpSimulatorOptions { Port = port }, cancellationToken);

    public static async Task<ErpSimulatorServer> StartAsync(SimulatorData data, ErpSimulatorOptions options, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ErpSimulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (!options.ConsoleLogging)
        {
            builder.Logging.ClearProviders();
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.Address, options.Port));
        builder.Services.AddSingleton(new SimulatedErp(data, options.Time));
        var app = builder.Build();
        app.MapSpectrumApi();
        app.MapVistaApi();
        app.MapAdminApi();
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ErpSimulatorServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Waits until the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
