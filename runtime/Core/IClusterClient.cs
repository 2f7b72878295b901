namespace BudgetActors.Runtime;

/// <summary>The entry point client code uses to call grains, inside a silo or from outside the cluster.</summary>
public interface IClusterClient : IGrainFactory;
