namespace BudgetActors.Runtime;

/// <summary>
/// Marks a grain interface method that does not change the grain's state: read-only calls may interleave
/// with each other, never with a call that writes.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class ReadOnlyAttribute : Attribute;
