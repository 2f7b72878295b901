namespace BudgetActors.Cli;

/// <summary>What <c>budget load</c> did: the lines it loaded, or the rows it refused (then it loaded none).</summary>
internal sealed record LoadReport(string Project, int Loaded, IReadOnlyList<RowError> Errors);
