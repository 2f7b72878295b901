namespace BudgetActors.Runtime;

/// <summary>
/// Lets calls to this grain class interleave at their awaits. Turns still never run in parallel:
/// only one thread executes the grain's code at any moment.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;
