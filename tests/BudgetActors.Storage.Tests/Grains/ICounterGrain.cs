namespace BudgetActors.Storage.Tests;

/// <summary>Keeps its state under the state name <c>counter</c>.</summary>
public interface ICounterGrain : IStoredCounter;
