namespace BudgetActors.GrainInterfaces;

/// <summary>What the ERP did with one export: took it, or refused it with an error.</summary>
[GenerateSerializer, Immutable]
public sealed record ExportOutcome([property: Id(0)] int Submission, [property: Id(1)] ErpError? Error)
{
    public bool Succeeded => Error is null;
}
