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

    /// <summary>
    /// Issues an API token acting as directory user <paramref name="userId"/> (company admins only). The
    /// answer is the only place the token's secret ever appears.
    /// </summary>
    Task<IssuedApiToken> IssueTokenAsync(string userId, string name);

    /// <summary>Revokes a token of this company (company admins only); revoking it again changes nothing.</summary>
    Task RevokeTokenAsync(string tokenId);

    /// <summary>The company's API tokens, revoked ones included, without their secrets (company admins only).</summary>
    [ReadOnly]
    Task<IReadOnlyList<ApiTokenInfo>> ListTokensAsync();

    /// <summary>The queue of the company's ERP gateway (Read Only or higher on ERP Integrations), or null before the ERP is configured.</summary>
    [ReadOnly]
    Task<ErpQueueView?> GetErpQueueAsync();
}
