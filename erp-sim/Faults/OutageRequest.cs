namespace BudgetActors.ErpSimulator;

/// <summary>Admin request: take a company down from now for <paramref name="Seconds"/>.</summary>
public sealed record OutageRequest(double Seconds);
