using BudgetActors.GrainInterfaces;
using Orleans.Placement;

namespace BudgetActors.Benchmarks.Grains;

/// <summary>
/// Random placement, so that a two-silo cluster holds some of them on each silo wherever the call came
/// from (a call from a silo may otherwise prefer that silo).
/// </summary>
[GrainType("bench-company")]
[RandomPlacement]
internal sealed class BareCompanyGrain : Grain, IBareCompanyGrain
{
    private CompanyData _company = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _company = BenchCompany.Data(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public Task<CompanyView> GetAsync() =>
        Task.FromResult(new CompanyView(_company.CompanyId, _company.Settings, _company.Users, _company.Projects));

    public Task<string> SiloAsync() => Task.FromResult(RuntimeIdentity);
}
