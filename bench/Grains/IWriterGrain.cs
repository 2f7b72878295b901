namespace BudgetActors.Benchmarks.Grains;

/// <summary>A grain that persists its state on every call, for the persisted-writes benchmark.</summary>
[Alias("bench-writer")]
public interface IWriterGrain : IGrainWithStringKey
{
    [Alias("WriteAsync")]
    Task WriteAsync(long version);
}
