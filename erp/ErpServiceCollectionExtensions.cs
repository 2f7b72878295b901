using BudgetActors.Erp.Spectrum;
using BudgetActors.Erp.Vista;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BudgetActors.Erp;

/// <summary>Registers the Spectrum and Vista connectors, each with its own HttpClient, after validating their settings.</summary>
public static class ErpServiceCollectionExtensions
{
    /// <exception cref="OptionsValidationException">A company's settings are incomplete (the message names the key, never a secret).</exception>
    public static IServiceCollection AddErpConnectors(this IServiceCollection services, SpectrumOptions spectrum, VistaOptions vista)
    {
        Validate(new SpectrumOptionsValidator().Validate(null, spectrum), typeof(SpectrumOptions));
        Validate(new VistaOptionsValidator().Validate(null, vista), typeof(VistaOptions));
        services.AddSingleton<IErpConnector>(sp => new SpectrumConnector(
            ErpHttp.CreateClient(), spectrum, sp.GetService<TimeProvider>() ?? TimeProvider.System, Logger<SpectrumConnector>(sp)));
        services.AddSingleton<IErpConnector>(sp => new VistaConnector(
            ErpHttp.CreateClient(), vista, sp.GetService<TimeProvider>() ?? TimeProvider.System, Logger<VistaConnector>(sp)));
        return services;
    }

    /// <summary>An HttpClient set up as the connectors use it (pooled connections, per-call deadlines, a bounded answer size).</summary>
    public static HttpClient CreateHttpClient() => ErpHttp.CreateClient();

    private static ILogger<T> Logger<T>(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger<T>() ?? NullLogger<T>.Instance;

    private static void Validate(ValidateOptionsResult result, Type options)
    {
        if (result.Failed)
        {
            throw new OptionsValidationException(options.Name, options, result.Failures);
        }
    }
}
