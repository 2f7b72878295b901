using BudgetActors.Erp;
using BudgetActors.ErpSimulator;

namespace BudgetActors.Silo;

/// <summary>Gives a silo its Spectrum and Vista connectors, from configuration or, when none is configured, against an embedded simulator.</summary>
public static class ErpSiloExtensions
{
    /// <summary>
    /// Reads <c>Erp:Spectrum:Companies:*</c> and <c>Erp:Vista:Companies:*</c> (see README). With no ERP company
    /// configured at all, starts the ERP simulator in this process with its demo data set (Spectrum company
    /// 001, Vista company 1) and points the connectors at it.
    /// </summary>
    public static ISiloBuilder AddErpConnectors(this ISiloBuilder silo, IConfiguration configuration)
    {
        var spectrum = ErpConfiguration.ReadSpectrum(configuration);
        var vista = ErpConfiguration.ReadVista(configuration);
        if (spectrum.Companies.Count == 0 && vista.Companies.Count == 0)
        {
            var demo = SimulatorData.Demo();

            // Started while the silo is configured, not by a hosted service, so the connectors know where the ERP
            // is before anything (a reminder resuming a queued export) can call it.
            var simulator = ErpSimulatorServer.StartAsync(demo, CancellationToken.None).GetAwaiter().GetResult();
            silo.Services.AddHostedService(sp => new EmbeddedErpSimulator(simulator, sp.GetRequiredService<ILogger<EmbeddedErpSimulator>>()));
            foreach (var company in demo.Companies)
            {
                if (company.System == SimulatedSystem.Spectrum)
                {
                    spectrum.Companies[company.Code] = new() { BaseUrl = simulator.BaseAddress, AuthorizationId = company.Credential };
                }
                else
                {
                    vista.Companies[company.Code] = new() { BaseUrl = simulator.BaseAddress, ApiKey = company.Credential };
                }
            }
        }

        silo.Services.AddErpConnectors(spectrum, vista);
        return silo;
    }
}
