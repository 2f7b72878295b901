namespace BudgetActors.GrainInterfaces;

/// <summary>
/// A budget export waiting in an ERP gateway's queue. Its idempotency key stays the same through every
/// retry, so the ERP applies it once however often it is sent.
/// </summary>
/// <param name="BudgetKey">The budget grain's key.</param>
/// <param name="Submission">The budget submission this export carries.</param>
/// <param name="Lines">Every line on a first export; only lines changed since the last export on an update.</param>
[GenerateSerializer, Immutable]
public sealed record ExportRequest([property: Id(0)] string BudgetKey, [property: Id(1)] int Submission, [property: Id(2)] string ErpJob, [property: Id(3)] IReadOnlyList<ExportLine> Lines)
{
    public string IdempotencyKey => $"{BudgetKey}#{Submission}";
}
