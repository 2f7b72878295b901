namespace BudgetActors.Runtime;

/// <summary>A grain interface whose grains are keyed by a string, as in Orleans.</summary>
public interface IGrainWithStringKey : IGrain;
