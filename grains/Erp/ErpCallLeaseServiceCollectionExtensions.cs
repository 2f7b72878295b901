using Orleans.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetActors.Grains.Erp;

/// <summary>Registers the <see cref="IErpCallLease"/> the ERP gateways take around each call.</summary>
public static class ErpCallLeaseServiceCollectionExtensions
{
    /// <summary>
    /// In-process leases, for the embedded single silo. Only if no lease is registered yet, so a durable
    /// set-up that registered <see cref="AddPostgresErpCallLease"/> first keeps it.
    /// </summary>
    public static IServiceCollection AddMemoryErpCallLease(this IServiceCollection services, Action<ErpCallLeaseOptions>? configure = null)
    {
        AddOptions(services, configure);
        services.TryAddSingleton<IErpCallLease, MemoryErpCallLease>();
        return services;
    }

    /// <summary>
    /// Leases in PostgreSQL, exclusive across every silo of <paramref name="serviceId"/> that uses the same
    /// database; replaces any lease registered before (the in-memory default included). The lease keeps its own
    /// connection pool on <paramref name="connectionString"/>, one connection per call in flight or waiting.
    /// Without <paramref name="serviceId"/> the silo's Orleans <see cref="ClusterOptions.ServiceId"/> is used.
    /// </summary>
    public static IServiceCollection AddPostgresErpCallLease(this IServiceCollection services, string connectionString, string? serviceId = null, Action<ErpCallLeaseOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        AddOptions(services, configure);
        services.Replace(ServiceDescriptor.Singleton<IErpCallLease>(sp => new PostgresErpCallLease(
            connectionString,
            serviceId ?? sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            sp.GetRequiredService<IOptions<ErpCallLeaseOptions>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<PostgresErpCallLease>>())));
        return services;
    }

    private static void AddOptions(IServiceCollection services, Action<ErpCallLeaseOptions>? configure)
    {
        var options = services.AddOptions<ErpCallLeaseOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ErpCallLeaseOptions>, ErpCallLeaseOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
    }
}
