namespace BudgetActors.Grains.Approval;

/// <summary>
/// The items one accounting approver can act on. Budgets keep it up to date (as the workflow, not as a
/// user); the approver reads it.
/// </summary>
public sealed class ApproverGrain([PersistentState("approver")] IPersistentState<ApproverState> approver) : Grain, IApproverGrain
{
    private string CompanyId => this.GetPrimaryKeyString().Split(':')[0];

    private string UserId => this.GetPrimaryKeyString().Split(':')[1];

    public async Task AddPendingAsync(PendingItem item)
    {
        Callers.RequireSystem(CompanyId, "Adding an item to an approver's list");
        var pending = approver.State.Pending.RemoveAll(p => p.ProjectId == item.ProjectId).Add(item);
        approver.State = approver.State with { Pending = pending };
        await approver.WriteStateAsync();
    }

    public async Task RemovePendingAsync(string projectId, int submission)
    {
        Callers.RequireSystem(CompanyId, "Removing an item from an approver's list");
        var pending = approver.State.Pending.RemoveAll(p => p.ProjectId == projectId && p.Submission <= submission);
        if (pending.Count != approver.State.Pending.Count)
        {
            approver.State = approver.State with { Pending = pending };
            await approver.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<PendingItem>> GetPendingAsync()
    {
        var caller = Callers.Require(CompanyId);
        if (!Callers.IsSystem(caller) && caller.UserId != UserId)
        {
            throw new WorkflowException(WorkflowErrorCode.PermissionDenied, $"{caller.UserId} cannot read the ERP Integrations list of {UserId}.");
        }

        return Task.FromResult<IReadOnlyList<PendingItem>>(approver.State.Pending);
    }
}
