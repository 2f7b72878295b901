namespace BudgetActors.Runtime;

/// <summary>Marker for every grain interface. A grain is addressed by its type and key, never by a pointer.</summary>
public interface IGrain : IAddressable;
