using BudgetActors.Grains.Domain;
using BudgetActors.Grains.Tokens;
using Microsoft.Extensions.Logging;

namespace BudgetActors.Grains.Company;

/// <summary>
/// A company's settings, ERP job links and user directory, and its users' API tokens. Only a company
/// admin (or the silo itself, when it sets a company up) may change them.
/// </summary>
[GrainType("company")]
public sealed class CompanyGrain(
    [PersistentState("company")] IPersistentState<CompanyState> company,
    IApiTokenStore tokens,
    TimeProvider time,
    ILogger<CompanyGrain> logger) : Grain, ICompanyGrain
{
    private const int MaxTokenNameLength = 100;

    private string CompanyId => this.GetPrimaryKeyString();

    public async Task ConfigureAsync(CompanySettings settings)
    {
        await RequireAdminAsync();
        if (string.IsNullOrWhiteSpace(settings.ErpCompanyCode))
        {
            throw new WorkflowException(WorkflowErrorCode.InvalidInput, "The ERP company code is required.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZoneId, out _))
        {
            throw new WorkflowException(WorkflowErrorCode.InvalidInput, $"'{settings.TimeZoneId}' is not a time zone this server knows (use an IANA id such as America/Chicago).");
        }

        // Listed before it is saved: no company is configured without operators seeing it (joining again changes nothing).
        using (Callers.AsSystem(CompanyId, "company"))
        {
            await GrainFactory.GetGrain<ICompanyRegistryGrain>(CompanyRegistry.Key).JoinAsync(CompanyId);
        }

        await SaveAsync(company.State with { Settings = settings with { ErpCompanyCode = settings.ErpCompanyCode.Trim() } });
    }

    public async Task SaveUserAsync(CompanyUser user)
    {
        await RequireAdminAsync();
        if (string.IsNullOrWhiteSpace(user.UserId) || user.UserId.StartsWith(Callers.SystemPrefix, StringComparison.Ordinal) || user.UserId.Contains(':', StringComparison.Ordinal))
        {
            throw new WorkflowException(WorkflowErrorCode.InvalidInput, $"'{user.UserId}' is not a valid user id (it cannot be empty, contain ':' or start with '{Callers.SystemPrefix}').");
        }

        if (!user.Email.Contains('@', StringComparison.Ordinal))
        {
            throw new WorkflowException(WorkflowErrorCode.InvalidInput, $"'{user.Email}' is not an email address.");
        }

        var users = company.State.Users.RemoveAll(u => u.UserId == user.UserId).Add(user);
        RequireAnAdmin(users);
        await SaveAsync(company.State with { Users = users });
    }

    public async Task RemoveUserAsync(string userId)
    {
        var caller = await RequireAdminAsync();
        var users = company.State.Users.RemoveAll(u => u.UserId == userId);
        if (users.Count == company.State.Users.Count)
        {
            throw new WorkflowException(WorkflowErrorCode.NotFound, $"{userId} is not in the directory.");
        }

        RequireAnAdmin(users);

        // Tokens go first: should the directory write fail, the user stays, without tokens, rather than
        // leave with tokens that still work.
        await tokens.RevokeUserTokensAsync(CompanyId, userId, caller.UserId, time.GetUtcNow(), CancellationToken.None);
        await SaveAsync(company.State with { Users = users });
    }

    public async Task LinkProjectAsync(ProjectLink link)
    {
        await RequireAdminAsync();
        if (string.IsNullOrWhiteSpace(link.ProjectId) || link.ProjectId.Contains(':', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(link.ErpJob))
        {
            throw new WorkflowException(WorkflowErrorCode.InvalidInput, "A project link needs a project id (without ':') and an ERP job.");
        }

        await SaveAsync(company.State with { Projects = company.State.Projects.RemoveAll(p => p.ProjectId == link.ProjectId).Add(link) });
    }

    public Task<CompanyView> GetAsync()
    {
        // Grains are reachable from any client app: a company's directory is for its own people only.
        Callers.Require(CompanyId);
        return Task.FromResult(new CompanyView(CompanyId, company.State.Settings, company.State.Users, company.State.Projects));
    }

    public Task<CompanyUser?> FindUserAsync(string userId)
    {
        Callers.Require(CompanyId);
        return Task.FromResult(company.State.Users.Find(u => u.UserId == userId));
    }

    public async Task<IssuedApiToken> IssueTokenAsync(string userId, string name)
    {
        var caller = await RequireAdminAsync();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxTokenNameLength)
        {
            throw new WorkflowException(WorkflowErrorCode.InvalidInput, $"A token needs a name saying what it is for (at most {MaxTokenNameLength} characters).");
        }

        if (company.State.Users.Find(u => u.UserId == userId) is null)
        {
            throw new WorkflowException(WorkflowErrorCode.NotFound, $"{userId} is not in the directory of company {CompanyId}: add them before issuing them a token.");
        }

        var (token, hash) = ApiTokenFormat.New();
        var info = new ApiTokenInfo(ApiTokenFormat.NewTokenId(), CompanyId, userId, name.Trim(), time.GetUtcNow(), caller.UserId);
        await tokens.AddAsync(info, hash, CancellationToken.None);
        WorkflowLog.TokenIssued(logger, info.TokenId, CompanyId, userId, caller.UserId);
        return new IssuedApiToken(info, token);
    }

    public async Task RevokeTokenAsync(string tokenId)
    {
        var caller = await RequireAdminAsync();
        _ = await tokens.RevokeAsync(CompanyId, tokenId, caller.UserId, time.GetUtcNow(), CancellationToken.None)
            ?? throw new WorkflowException(WorkflowErrorCode.NotFound, $"Company {CompanyId} has no API token {tokenId}.");
        WorkflowLog.TokenRevoked(logger, tokenId, CompanyId, caller.UserId);
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ListTokensAsync()
    {
        await RequireAdminAsync();
        return await tokens.ListAsync(CompanyId, CancellationToken.None);
    }

    public async Task<ErpQueueView?> GetErpQueueAsync()
    {
        var caller = Callers.Require(CompanyId);
        if (!Callers.IsSystem(caller))
        {
            var user = company.State.Users.Find(u => u.UserId == caller.UserId)
                ?? throw new WorkflowException(WorkflowErrorCode.PermissionDenied, $"{caller.UserId} is not in the directory of company {CompanyId}.");
            Permissions.RequireErpView(user, "see the ERP queue");
        }

        if (company.State.Settings is not { } settings)
        {
            return null;
        }

        using (Callers.AsSystem(CompanyId, "company"))
        {
            return await GrainFactory.GetGrain<IErpGatewayGrain>(ErpGateway.KeyOf(settings.Erp, settings.ErpCompanyCode)).GetQueueAsync();
        }
    }

    private Task<CallerIdentity> RequireAdminAsync()
    {
        var caller = Callers.Require(CompanyId);
        if (!Callers.IsSystem(caller) && company.State.Users.Find(u => u.UserId == caller.UserId) is not { IsCompanyAdmin: true })
        {
            throw new WorkflowException(WorkflowErrorCode.PermissionDenied, $"{caller.UserId} is not an admin of company {CompanyId}.");
        }

        return Task.FromResult(caller);
    }

    private static void RequireAnAdmin(IEnumerable<CompanyUser> users)
    {
        if (!users.Any(u => u.IsCompanyAdmin))
        {
            throw new WorkflowException(WorkflowErrorCode.InvalidInput, "The company must keep at least one company admin.");
        }
    }

    private Task SaveAsync(CompanyState state)
    {
        company.State = state;
        return company.WriteStateAsync();
    }
}
