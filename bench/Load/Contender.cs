namespace BudgetActors.Benchmarks.Load;

/// <summary>Runs a closed loop of <paramref name="operation"/> and returns what it measured.</summary>
internal delegate Task<LoadResult> Measure(Func<int, long, Task> operation);

/// <summary>
/// One side of a comparison: it sets up what it needs (or reuses what is running), hands its operation to
/// the measurement, and tears down what it set up.
/// </summary>
internal sealed record Contender(string Name, Func<Measure, Task<LoadResult>> RunAsync)
{
    /// <summary>A contender whose operation needs nothing set up per round.</summary>
    public static Contender Of(string name, Func<int, long, Task> operation) => new(name, measure => measure(operation));
}
