namespace BudgetActors.GrainInterfaces;

/// <summary>An ERP gateway's queue as operators see it.</summary>
/// <param name="InFlight">The call running now, if any (e.g. "export acme:tower-7#2").</param>
/// <param name="CircuitOpen">Whether calls are paused because the ERP keeps failing.</param>
/// <param name="NextAttemptAt">When a job that could not reach the ERP is tried again, if one is waiting.</param>
public sealed record ErpQueueView(
    string Gateway,
    int Depth,
    string? InFlight,
    DateTimeOffset? InFlightSince,
    long Completed,
    long Retries,
    bool CircuitOpen,
    ErpError? LastError,
    DateTimeOffset? NextAttemptAt);
