namespace BudgetActors.GrainInterfaces;

/// <summary>A budget waiting in ERP Integrations for an accounting approver.</summary>
public sealed record PendingItem(string CompanyId, string ProjectId, int Submission, decimal Total, string SentBy, DateTimeOffset WaitingSince)
{
    public string BudgetKey => GrainInterfaces.BudgetKey.Of(CompanyId, ProjectId);
}
