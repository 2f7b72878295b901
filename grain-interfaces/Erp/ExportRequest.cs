namespace BudgetActors.GrainInterfaces;

/// <summary>
/// A budget export waiting in an ERP gateway's queue. Its idempotency key stays the same through every
/// retry, so the ERP applies it once however often it is sent.
/// </summary>
/// <param name="BudgetKey">The budget grain's key.</param>
/// <param name="Submission">The budget submission this export carries.</param>
/// <param name="Lines">Every line on a first export; only lines changed since the last export on an update.</param>
public sealed record ExportRequest(string BudgetKey, int Submission, string ErpJob, IReadOnlyList<ExportLine> Lines)
{
    public string IdempotencyKey => $"{BudgetKey}#{Submission}";
}
