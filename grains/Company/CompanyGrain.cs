namespace BudgetActors.Grains.Company;

/// <summary>
/// A company's settings, ERP job links and user directory. Only a company admin (or the silo itself,
/// when it sets a company up) may change them.
/// </summary>
public sealed class CompanyGrain([PersistentState("company")] IPersistentState<CompanyState> company) : Grain, ICompanyGrain
{
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
        await RequireAdminAsync();
        var users = company.State.Users.RemoveAll(u => u.UserId == userId);
        if (users.Count == company.State.Users.Count)
        {
            throw new WorkflowException(WorkflowErrorCode.NotFound, $"{userId} is not in the directory.");
        }

        RequireAnAdmin(users);
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

    public Task<CompanyView> GetAsync() =>
        Task.FromResult(new CompanyView(CompanyId, company.State.Settings, company.State.Users, company.State.Projects));

    public Task<CompanyUser?> FindUserAsync(string userId) =>
        Task.FromResult(company.State.Users.Find(u => u.UserId == userId));

    private Task RequireAdminAsync()
    {
        var caller = Callers.Require(CompanyId);
        if (!Callers.IsSystem(caller) && company.State.Users.Find(u => u.UserId == caller.UserId) is not { IsCompanyAdmin: true })
        {
            throw new WorkflowException(WorkflowErrorCode.PermissionDenied, $"{caller.UserId} is not an admin of company {CompanyId}.");
        }

        return Task.CompletedTask;
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
