using BudgetActors.Dashboard.Authentication;
using BudgetActors.Dashboard.Erp;
using BudgetActors.Dashboard.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BudgetActors.Dashboard;

/// <summary><c>services.AddBudgetActorsDashboard(...)</c>, then <c>app.MapBudgetActorsDashboard("/dashboard")</c>.</summary>
public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// The dashboard's services, on a silo (the ERP and Workflow pages read the workflow's company activity
    /// and ERP gateway grains).
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
        services.TryAddSingleton<CompanyReader>();
        services.TryAddSingleton<ErpThroughput>();
        services.TryAddSingleton<ErpPage>();
        services.TryAddSingleton<WorkflowPage>();
        return services;
    }
}
