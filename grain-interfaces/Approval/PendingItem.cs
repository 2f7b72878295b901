namespace BudgetActors.GrainInterfaces;

/// <summary>A budget waiting in ERP Integrations for an accounting approver.</summary>
[GenerateSerializer, Immutable]
public sealed record PendingItem([property: Id(0)] string CompanyId, [property: Id(1)] string ProjectId, [property: Id(2)] int Submission, [property: Id(3)] decimal Total, [property: Id(4)] string SentBy, [property: Id(5)] DateTimeOffset WaitingSince)
{
    public string BudgetKey => GrainInterfaces.BudgetKey.Of(CompanyId, ProjectId);
}
