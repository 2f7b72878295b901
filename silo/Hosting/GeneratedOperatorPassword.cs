namespace BudgetActors.Silo.Hosting;

/// <summary>The dashboard password this run made up, to be printed once at start; null when one was configured.</summary>
public sealed record GeneratedOperatorPassword(string? Password);
