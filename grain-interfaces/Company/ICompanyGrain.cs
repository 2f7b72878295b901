namespace BudgetActors.GrainInterfaces;

/// <summary>
/// A company (key: company id): its ERP link, digest time, projects' links to ERP jobs, and the
/// directory of users. Changing anything needs a company admin; the first directory entry is the
/// company's founding admin.
/// </summary>
[GrainType("company")]
public interface ICompanyGrain : IGrainWithStringKey
{
    Task ConfigureAsync(CompanySettings settings);

    Task SaveUserAsync(CompanyUser user);

    Task RemoveUserAsync(string userId);

    Task LinkProjectAsync(ProjectLink link);

    [ReadOnly]
    Task<CompanyView> GetAsync();

    /// <summary>The directory entry of <paramref name="userId"/>, or null.</summary>
    [ReadOnly]
    Task<CompanyUser?> FindUserAsync(string userId);
}
