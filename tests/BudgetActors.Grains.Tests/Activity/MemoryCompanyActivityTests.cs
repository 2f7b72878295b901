namespace BudgetActors.Grains.Tests;

public sealed class MemoryCompanyActivityTests : CompanyActivityContract
{
    public override async ValueTask InitializeAsync() => Silo = await WorkflowSilo.StartAsync();
}
