namespace BudgetActors.GrainInterfaces;

/// <summary>What the ERP did with one export: took it, or refused it with an error.</summary>
public sealed record ExportOutcome(int Submission, ErpError? Error)
{
    public bool Succeeded => Error is null;
}
