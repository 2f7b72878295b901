namespace BudgetActors.Grains;

/// <summary>Names this assembly for <c>silo.AddGrains(typeof(GrainsAssembly).Assembly)</c>.</summary>
public static class GrainsAssembly;
