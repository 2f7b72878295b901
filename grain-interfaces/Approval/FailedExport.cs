namespace BudgetActors.GrainInterfaces;

/// <summary>A budget the ERP refused, listed under "Failed to Export" until an approver retries or rejects it.</summary>
[GenerateSerializer, Immutable]
public sealed record FailedExport([property: Id(0)] string CompanyId, [property: Id(1)] string ProjectId, [property: Id(2)] int Submission, [property: Id(3)] decimal Total, [property: Id(4)] string SentBy, [property: Id(5)] ErpError Error, [property: Id(6)] DateTimeOffset FailedAt)
{
    public string BudgetKey => GrainInterfaces.BudgetKey.Of(CompanyId, ProjectId);
}
