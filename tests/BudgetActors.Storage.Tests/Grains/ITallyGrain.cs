namespace BudgetActors.Storage.Tests;

/// <summary>Same shape as <see cref="ICounterGrain"/>, a different grain type with the state name <c>tally</c>.</summary>
public interface ITallyGrain : IStoredCounter;
