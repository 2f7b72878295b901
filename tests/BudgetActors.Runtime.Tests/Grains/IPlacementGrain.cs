namespace BudgetActors.Runtime.Tests;

/// <summary>A grain that says where it runs, counts durably, and calls other grains (for cluster tests).</summary>
public interface IPlacementGrain : IGrainWithStringKey
{
    Task<string> WhereAsync();

    /// <summary>Adds one to a persisted counter; returns the new value.</summary>
    Task<int> IncrementAsync();

    /// <summary>Calls <see cref="WhereAsync"/> on another placement grain: grain-to-grain across silos.</summary>
    Task<string> WhereIsAsync(string otherKey);

    /// <summary>Asks <paramref name="otherKey"/> to call back into this grain: a cycle the runtime must report.</summary>
    Task<string> CycleAsync(string otherKey);

    /// <summary>Calls <see cref="WhereAsync"/> of the grain that called this one.</summary>
    Task<string> CallBackAsync(string callerKey);

    /// <summary>Throws <see cref="ArgumentException"/> with the caller's identity in the message.</summary>
    Task FailAsync();

    /// <summary>Throws <see cref="CodedException"/> with <paramref name="code"/>.</summary>
    Task FailWithCodeAsync(string code);

    /// <summary>The caller's identity as this grain sees it, or "nobody".</summary>
    Task<string> WhoAsync();
}
