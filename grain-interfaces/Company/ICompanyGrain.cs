namespace BudgetActors.GrainInterfaces;

/// <summary>
/// A company (key: company id): its ERP link, digest time, projects' links to ERP jobs, and the
/// directory of users. Changing anything needs a company admin; the first directory entry is the
/// company's founding admin.
/// </summary>
[Alias("company")]
public interface ICompanyGrain : IGrainWithStringKey
{
    [Alias("ConfigureAsync")]
    Task ConfigureAsync(CompanySettings settings);

    [Alias("SaveUserAsync")]
    Task SaveUserAsync(CompanyUser user);

    [Alias("RemoveUserAsync")]
    Task RemoveUserAsync(string userId);

    [Alias("LinkProjectAsync")]
    Task LinkProjectAsync(ProjectLink link);

    [ReadOnly]
    [Alias("GetAsync")]
    Task<CompanyView> GetAsync();

    /// <summary>The directory entry of <paramref name="userId"/>, or null.</summary>
    [ReadOnly]
    [Alias("FindUserAsync")]
    Task<CompanyUser?> FindUserAsync(string userId);

    /// <summary>
    /// Issues an API token acting as directory user <paramref name="userId"/> (company admins only). The
    /// answer is the only place the token's secret ever appears.
    /// </summary>
    [Alias("IssueTokenAsync")]
    Task<IssuedApiToken> IssueTokenAsync(string userId, string name);

    /// <summary>Revokes a token of this company (company admins only); revoking it again changes nothing.</summary>
    [Alias("RevokeTokenAsync")]
    Task RevokeTokenAsync(string tokenId);

    /// <summary>The company's API tokens, revoked ones included, without their secrets (company admins only).</summary>
    [ReadOnly]
    [Alias("ListTokensAsync")]
    Task<IReadOnlyList<ApiTokenInfo>> ListTokensAsync();

    /// <summary>The queue of the company's ERP gateway (Read Only or higher on ERP Integrations), or null before the ERP is configured.</summary>
    [ReadOnly]
    [Alias("GetErpQueueAsync")]
    Task<ErpQueueView?> GetErpQueueAsync();
}
