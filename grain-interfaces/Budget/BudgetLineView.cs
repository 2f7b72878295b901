namespace BudgetActors.GrainInterfaces;

/// <summary>A line as the Budget Updates window shows it: original, approved changes, revised estimate.</summary>
[GenerateSerializer, Immutable]
public sealed record BudgetLineView([property: Id(0)] string CostCode, [property: Id(1)] string Category, [property: Id(2)] string Description, [property: Id(3)] decimal Original, [property: Id(4)] decimal Changes, [property: Id(5)] decimal Revised);
