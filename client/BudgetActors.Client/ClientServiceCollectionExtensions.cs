using BudgetActors.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BudgetActors.Client;

/// <summary><c>services.AddBudgetActorsClient(o => { o.Gateways.Add("silo1:11111"); o.Token = ...; })</c>.</summary>
public static class ClientServiceCollectionExtensions
{
    public static IServiceCollection AddBudgetActorsClient(this IServiceCollection services, Action<ClusterClientOptions> configure)
    {
        services.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ClusterClient>();
        services.AddSingleton<IClusterClient>(sp => sp.GetRequiredService<ClusterClient>());
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<ClusterClient>());
        return services;
    }
}
