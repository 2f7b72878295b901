using BudgetActors.GrainInterfaces;
using Orleans.Concurrency;

namespace BudgetActors.Benchmarks.Grains;

/// <summary>
/// A bare Orleans grain answering what <see cref="ICompanyGrain.GetAsync"/> answers (the same view, built the
/// same way) with none of the workflow around it: no caller check, no persistent state, no call filter.
/// </summary>
[Alias("bench-company")]
public interface IBareCompanyGrain : IGrainWithStringKey
{
    [ReadOnly]
    [Alias("GetAsync")]
    Task<CompanyView> GetAsync();

    /// <summary>The silo the activation runs on (to tell calls that stay in a silo from calls that cross).</summary>
    [ReadOnly]
    [Alias("SiloAsync")]
    Task<string> SiloAsync();
}
