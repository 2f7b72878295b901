using BudgetActors.Dashboard.Authentication;
using BudgetActors.Dashboard.Cluster;
using BudgetActors.Dashboard.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BudgetActors.Dashboard;

/// <summary><c>services.AddBudgetActorsDashboard(...)</c>, then <c>app.MapBudgetActorsDashboard("/dashboard")</c>.</summary>
public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// The dashboard's services, on a silo (it reads the silo's <see cref="BudgetActors.Runtime.SiloStatistics"/> and reminder table).
    /// Settings are checked at start: a dashboard without an operator password does not start.
    /// </summary>
    public static IServiceCollection AddBudgetActorsDashboard(this IServiceCollection services, Action<DashboardOptions>? configure = null)
    {
        var options = services.AddOptions<DashboardOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OperatorSessions>();
        services.TryAddSingleton<LoginThrottle>();
        services.TryAddSingleton<ClusterSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterSampler>());
        services.TryAddSingleton<ReminderListing>();
        return services;
    }
}
