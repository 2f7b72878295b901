namespace BudgetActors.Grains.Activity;

/// <summary>The list of companies operators see; a company joins once and stays.</summary>
[GrainType("company-registry")]
public sealed class CompanyRegistryGrain(
    [PersistentState("registry")] IPersistentState<CompanyRegistryState> registry) : Grain, ICompanyRegistryGrain
{
    public async Task JoinAsync(string companyId)
    {
        Callers.RequireSystem(companyId, "Listing a company");
        if (registry.State.Companies.Contains(companyId))
        {
            return;
        }

        registry.State = registry.State with { Companies = registry.State.Companies.Add(companyId) };
        await registry.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> ListAsync()
    {
        Callers.RequireSystem(null, "Listing the companies");
        return Task.FromResult<IReadOnlyList<string>>([.. registry.State.Companies.Order(StringComparer.Ordinal)]);
    }
}
