namespace BudgetActors.ErpSimulator;

/// <summary>What a company did with a posting: refused it, applied it (perhaps with a warning), or acknowledged a repeat.</summary>
internal sealed record PostingResult(ErpRefusal? Refusal, bool Duplicate, string? Warning)
{
    public string Outcome => Refusal is { } r ? $"error {r.Code}" : Duplicate ? "duplicate" : Warning is null ? "applied" : "applied W";
}
