using BudgetActors.Grains.Security;
namespace BudgetActors.Silo.Demo;

/// <summary>Sets the demo company up on a started embedded silo and returns a token per person.</summary>
public static class DemoSeeder
{
    // The identity the silo's own set-up acts as: grains let "system:" callers set a company up.
    private const string SetUpUser = "system:demo";

    public static async Task<IReadOnlyList<(CompanyUser User, string Token)>> SeedAsync(IGrainFactory grains, SiloCallers silo, CancellationToken cancellationToken)
    {
        using (silo.ActAs(new CallerIdentity(DemoCompany.Id, SetUpUser)))
        {
            var company = grains.GetGrain<ICompanyGrain>(DemoCompany.Id);
            await company.ConfigureAsync(DemoCompany.Settings);
            foreach (var person in DemoCompany.People)
            {
                await company.SaveUserAsync(person);
            }

            foreach (var project in DemoCompany.Projects)
            {
                await company.LinkProjectAsync(project);
            }

            var tokens = new List<(CompanyUser, string)>();
            foreach (var person in DemoCompany.People)
            {
                cancellationToken.ThrowIfCancellationRequested();
                tokens.Add((person, (await company.IssueTokenAsync(person.UserId, "demo")).Token));
            }

            return tokens;
        }
    }
}
