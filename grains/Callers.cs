namespace BudgetActors.Grains;

/// <summary>
/// Who is calling, from the request context the receiving silo filled in; never from an argument a
/// caller could forge.
/// </summary>
internal static class Callers
{
    /// <summary>The prefix of identities the silo itself uses (setup, the ERP gateway); no directory user has it.</summary>
    public const string SystemPrefix = "system:";

    public static CallerIdentity Require(string companyId)
    {
        var caller = CallerContext.Caller
            ?? throw new WorkflowException(WorkflowErrorCode.PermissionDenied, "The call carries no user: sign in first.");
        if (caller.CompanyId != companyId)
        {
            throw new WorkflowException(WorkflowErrorCode.PermissionDenied, $"{caller.UserId} belongs to company {caller.CompanyId}, not {companyId}.");
        }

        return caller;
    }

    public static bool IsSystem(CallerIdentity caller) => caller.UserId.StartsWith(SystemPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Makes the calls this flow makes until disposed act as the silo itself (<c>system:</c><paramref name="part"/>),
    /// for the workflow's internal calls that users may not make.
    /// </summary>
    public static IDisposable AsSystem(string companyId, string part)
    {
        var previous = CallerContext.Caller;
        CallerContext.Caller = new CallerIdentity(companyId, SystemPrefix + part);
        return new Restore(previous);
    }

    /// <summary>Refuses a call that is not the silo's own (for <paramref name="companyId"/>, unless null).</summary>
    public static CallerIdentity RequireSystem(string? companyId, string what)
    {
        var caller = CallerContext.Caller;
        if (caller is null || !IsSystem(caller) || (companyId is not null && caller.CompanyId != companyId))
        {
            throw new WorkflowException(WorkflowErrorCode.PermissionDenied, $"{what} is done by the workflow itself, not by users.");
        }

        return caller;
    }

    private sealed class Restore(CallerIdentity? previous) : IDisposable
    {
        public void Dispose() => CallerContext.Caller = previous;
    }

    /// <summary>The directory entry of the calling user of <paramref name="companyId"/>.</summary>
    public static async Task<CompanyUser> RequireUserAsync(IGrainFactory grains, string companyId)
    {
        var caller = Require(companyId);
        return await grains.GetGrain<ICompanyGrain>(companyId).FindUserAsync(caller.UserId)
            ?? throw new WorkflowException(WorkflowErrorCode.PermissionDenied, $"{caller.UserId} is not in the directory of company {companyId}.");
    }
}
