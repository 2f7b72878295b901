namespace BudgetActors.Grains.Tests;

/// <summary>A state row as a test reads or plants it straight in grain storage.</summary>
internal sealed class StoredState<T>(T state) : IGrainState<T>
{
    /// <summary>The row's state (what the storage left in it: for a row that does not exist, the placeholder or its default).</summary>
    public T State { get; set; } = state;

    T? IGrainState<T>.State
    {
        get => State;
        set => State = value!;
    }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
