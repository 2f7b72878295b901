namespace BudgetActors.Runtime;

/// <summary>
/// The type never changes after construction, so calls pass it without copying. Use it for a type the
/// code generator cannot see is immutable (it accepts records without setters and read-only collections).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct)]
public sealed class ImmutableAttribute : Attribute;
