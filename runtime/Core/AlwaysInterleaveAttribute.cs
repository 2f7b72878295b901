namespace BudgetActors.Runtime;

/// <summary>Marks a grain interface method that may interleave with any other call to the grain.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class AlwaysInterleaveAttribute : Attribute;
