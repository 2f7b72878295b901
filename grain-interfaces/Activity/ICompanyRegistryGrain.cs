namespace BudgetActors.GrainInterfaces;

/// <summary>
/// Every company the service holds, so that operators can list them (one grain, key
/// <see cref="CompanyRegistry.Key"/>). A company joins once, when it is first configured or first has
/// activity; joining again changes nothing. Only the silo joins companies and reads the list.
/// </summary>
[Alias("company-registry")]
public interface ICompanyRegistryGrain : IGrainWithStringKey
{
    [Alias("JoinAsync")]
    Task JoinAsync(string companyId);

    /// <summary>The company ids, in order.</summary>
    [ReadOnly]
    [Alias("ListAsync")]
    Task<IReadOnlyList<string>> ListAsync();
}
