namespace BudgetActors.Runtime;

/// <summary>
/// Names the grain type of a grain interface. The name is part of every grain's identity and of its stored
/// rows, so it must not change once data exists. Without it the name is derived from the interface
/// (<c>IBudgetGrain</c> becomes <c>budget</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
