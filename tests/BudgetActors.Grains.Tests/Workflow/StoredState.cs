namespace BudgetActors.Grains.Tests;

/// <summary>A state row as a test reads or plants it straight in grain storage.</summary>
internal sealed class StoredState<T>(T state) : IGrainState<T>
{
    public T State { get; set; } = state;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
