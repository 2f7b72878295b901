namespace BudgetActors.Cli;

/// <summary>Why one row of a CSV file cannot be loaded (row 1 is the first line after the header).</summary>
internal sealed record RowError(int Row, string Message);
