namespace BudgetActors.Runtime.Tests;

public sealed record ValueState
{
    public string? Value { get; init; }

    public int Writes { get; init; }
}
