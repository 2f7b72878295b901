using Orleans.Providers;
using BudgetActors.Testing;
using BudgetActors.Erp.Spectrum;
using BudgetActors.Erp.Vista;
using BudgetActors.Grains;
using BudgetActors.Grains.Notifications;
using BudgetActors.Grains.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace BudgetActors.Erp.Tests;

/// <summary>
/// A silo with the whole workflow, state in memory, on the real clock, whose Spectrum and Vista connectors
/// talk over loopback HTTP to a simulator hosting the given companies.
/// </summary>
public sealed class ErpSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _mailFolder;

    private ErpSilo(IHost host, ErpSimulatorServer simulator, string mailFolder)
    {
        _host = host;
        Simulator = simulator;
        _mailFolder = mailFolder;
    }

    public ErpSimulatorServer Simulator { get; }

    public IGrainFactory Client => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Until disposed, calls from this flow act as <paramref name="userId"/> of <paramref name="company"/> (as the silo's own code does).</summary>
    public IDisposable ActAs(string company, string userId) => _host.Services.GetRequiredService<SiloCallers>().ActAs(new CallerIdentity(company, userId));

    public static async Task<ErpSilo> StartAsync(SimulatorData data, CancellationToken cancellationToken)
    {
        var simulator = await ErpSimulatorServer.StartAsync(data, cancellationToken);
        var spectrum = new SpectrumOptions();
        var vista = new VistaOptions { ActionPollInterval = TimeSpan.FromMilliseconds(10) };
        foreach (var company in data.Companies)
        {
            if (company.System == SimulatedSystem.Spectrum)
            {
                spectrum.Companies[company.Code] = new SpectrumCompanyOptions { BaseUrl = simulator.BaseAddress, AuthorizationId = company.Credential };
            }
            else
            {
                vista.Companies[company.Code] = new VistaCompanyOptions { BaseUrl = simulator.BaseAddress, ApiKey = company.Credential };
            }
        }

        var mailFolder = Directory.CreateTempSubdirectory("budgetactors-erp-mail-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(SiloProcess.FreePort(), SiloProcess.FreePort(), serviceId: "erp-tests", clusterId: $"erp-tests-{Guid.NewGuid():N}")
            .AddBudgetWorkflow(o =>
            {
                // Quick retries so a test run is short; a failure ratio of 5% must never open the circuit.
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
                o.RetryAttempts = 3;
                o.RetryLaterDelay = TimeSpan.FromMilliseconds(200);
                o.BreakMinimumCalls = 20;
            })
            .AddErpConnector(new SpectrumConnector(ErpServiceCollectionExtensions.CreateHttpClient(), spectrum, TimeProvider.System, NullLogger<SpectrumConnector>.Instance))
            .AddErpConnector(new VistaConnector(ErpServiceCollectionExtensions.CreateHttpClient(), vista, TimeProvider.System, NullLogger<VistaConnector>.Instance))
            .Configure<NotificationOptions>(o => o.PickupFolder = mailFolder)
            .AddMemoryGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)
            .UseInMemoryReminderService());
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new ErpSilo(host, simulator, mailFolder);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        await Simulator.DisposeAsync();
        Directory.Delete(_mailFolder, recursive: true);
    }
}
