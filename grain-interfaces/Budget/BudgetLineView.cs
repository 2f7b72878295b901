namespace BudgetActors.GrainInterfaces;

/// <summary>A line as the Budget Updates window shows it: original, approved changes, revised estimate.</summary>
public sealed record BudgetLineView(string CostCode, string Category, string Description, decimal Original, decimal Changes, decimal Revised);
