namespace BudgetActors.Runtime;

/// <summary>A member's state in the membership table.</summary>
public enum SiloStatus
{
    /// <summary>Serving calls and heartbeating.</summary>
    Active,

    /// <summary>Stopping gracefully: finishing calls, taking no new activations.</summary>
    ShuttingDown,

    /// <summary>Left gracefully.</summary>
    Left,

    /// <summary>Declared dead by another member after its heartbeats stopped; it must not serve again.</summary>
    Dead,
}
