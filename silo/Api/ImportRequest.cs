namespace BudgetActors.Silo.Api;

/// <summary>What an import does with lines the budget already has.</summary>
public sealed record ImportRequest(ImportMode Mode);
