namespace BudgetActors.ErpSimulator;

/// <summary>From <paramref name="Start"/> (inclusive) to <paramref name="End"/> (exclusive) the company is down.</summary>
public sealed record OutageWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Covers(DateTimeOffset instant) => instant >= Start && instant < End;
}
