using BudgetActors.GrainInterfaces;
using BudgetActors.Grains.Security;

namespace BudgetActors.Dashboard.Workflow;

/// <summary>
/// Reads what the ERP and Workflow pages show from the workflow's grains: the registry of companies, then each
/// company's settings and activity (one grain each, never its budgets). The dashboard reads as the silo itself
/// (<see cref="DashboardUser"/>): operators are not users of any company.
/// </summary>
internal sealed class CompanyReader(IGrainFactory grains, SiloCallers silo)
{
    public const string DashboardUser = "system:dashboard";

    public async Task<IReadOnlyList<CompanyReading>> ReadAsync(CancellationToken cancellationToken)
    {
        var companies = await AsDashboardAsync(CompanyRegistry.Key, () => grains.GetGrain<ICompanyRegistryGrain>(CompanyRegistry.Key).ListAsync())
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return await Task.WhenAll(companies.Select(id => AsDashboardAsync(id, async () =>
        {
            var company = grains.GetGrain<ICompanyGrain>(id).GetAsync();
            var activity = grains.GetGrain<ICompanyActivityGrain>(id).GetAsync();
            return new CompanyReading(await company.ConfigureAwait(false), await activity.ConfigureAwait(false));
        }))).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes a grain read as the dashboard of <paramref name="companyId"/>, belonging to no request of the page's.</summary>
    public async Task<T> AsDashboardAsync<T>(string companyId, Func<Task<T>> read)
    {
        using (silo.ActAs(new CallerIdentity(companyId, DashboardUser)))
        {
            return await read().ConfigureAwait(false);
        }
    }
}
