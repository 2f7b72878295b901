namespace BudgetActors.GrainInterfaces;

/// <summary>A budget the ERP refused, listed under "Failed to Export" until an approver retries or rejects it.</summary>
public sealed record FailedExport(string CompanyId, string ProjectId, int Submission, decimal Total, string SentBy, ErpError Error, DateTimeOffset FailedAt)
{
    public string BudgetKey => GrainInterfaces.BudgetKey.Of(CompanyId, ProjectId);
}
