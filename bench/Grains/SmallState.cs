namespace BudgetActors.Benchmarks;

/// <summary>A few fields, about the size of a budget line's header.</summary>
public sealed record SmallState
{
    public int Value { get; init; }

    public string Status { get; init; } = "Unlocked";

    public decimal Total { get; init; }
}
