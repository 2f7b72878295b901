namespace BudgetActors.Cli;

/// <summary>The body of <c>POST .../import</c>: what an import does with lines the budget already has.</summary>
internal sealed record ImportRequest(ImportMode Mode);
