namespace BudgetActors.Storage.Tests;

/// <summary>Grain state as System.Text.Json writes it: plain properties, no Orleans serializer attributes needed.</summary>
public sealed class CounterState
{
    public int Count { get; set; }

    public List<string> Notes { get; set; } = [];
}
