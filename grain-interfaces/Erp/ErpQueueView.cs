namespace BudgetActors.GrainInterfaces;

/// <summary>An ERP gateway's queue as operators see it.</summary>
/// <param name="InFlight">The call running now, if any (e.g. "export acme:tower-7#2").</param>
/// <param name="CircuitOpen">Whether calls are paused because the ERP keeps failing.</param>
/// <param name="NextAttemptAt">When a job that could not reach the ERP is tried again, if one is waiting.</param>
[GenerateSerializer, Immutable]
public sealed record ErpQueueView(
    [property: Id(0)] string Gateway,
    [property: Id(1)] int Depth,
    [property: Id(2)] string? InFlight,
    [property: Id(3)] DateTimeOffset? InFlightSince,
    [property: Id(4)] long Completed,
    [property: Id(5)] long Retries,
    [property: Id(6)] bool CircuitOpen,
    [property: Id(7)] ErpError? LastError,
    [property: Id(8)] DateTimeOffset? NextAttemptAt);
