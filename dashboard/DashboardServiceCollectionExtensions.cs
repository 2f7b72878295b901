using BudgetActors.Dashboard.Authentication;
using BudgetActors.Dashboard.Erp;
using BudgetActors.Dashboard.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BudgetActors.Dashboard;

/// <summary>
/// <c>services.AddBudgetActorsDashboard(...)</c> and <c>silo.AddBudgetActorsDashboardSilo()</c>, then
/// <c>app.MapBudgetActorsDashboard("/dashboard")</c> after <c>app.UseAuthentication()</c> and <c>app.UseAuthorization()</c>.
/// </summary>
public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// The dashboard's services, on a silo (the ERP and Workflow pages read the workflow's company activity
    /// and ERP gateway grains): the operator login as the authentication scheme <see cref="OperatorAuthentication.Scheme"/>
    /// and the policy <see cref="OperatorAuthentication.Policy"/> that every dashboard endpoint requires.
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

        // The core of authentication only, as the REST API does: the full AddAuthentication brings data
        // protection, whose keys the session ids do not need. The scheme is not made the default: the silo's
        // API keeps its own, and the policy names this one.
        services.AddWebEncoders();
        services.AddAuthenticationCore(o =>
        {
            if (!o.SchemeMap.ContainsKey(OperatorAuthentication.Scheme))
            {
                o.AddScheme<OperatorAuthenticationHandler>(OperatorAuthentication.Scheme, "Operator login");
            }
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(OperatorAuthentication.Policy, p => p.AddAuthenticationSchemes(OperatorAuthentication.Scheme).RequireAuthenticatedUser());
        return services;
    }
}
