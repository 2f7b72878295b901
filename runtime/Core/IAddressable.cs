namespace BudgetActors.Runtime;

/// <summary>Something that has a grain identity: a grain instance or a reference (proxy) to one.</summary>
public interface IAddressable;
