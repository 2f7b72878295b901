namespace BudgetActors.Runtime.Tests;

/// <summary>An <see cref="IGrainState{TState}"/> a test holds, as an activation would.</summary>
public sealed class TestGrainState : IGrainState<ValueState>
{
    public ValueState State { get; set; } = new();

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
