using System.Reflection;

namespace BudgetActors.Runtime;

/// <summary>An assembly whose grain classes a silo hosts (registered by <c>silo.AddGrains</c>).</summary>
public sealed record GrainAssembly(Assembly Assembly);
