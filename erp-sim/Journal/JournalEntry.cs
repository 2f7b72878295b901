namespace BudgetActors.ErpSimulator;

/// <summary>One call a company received: when it started and ended, and how it was answered.</summary>
/// <param name="BatchKey">The posting's batch key (Spectrum GUID, Vista Idempotency-Key), for postings.</param>
/// <param name="Outcome"><c>ok</c>, <c>applied</c>, <c>duplicate</c>, <c>error I</c>, <c>transient</c>, <c>lost-response</c>, <c>rate-limited</c>, <c>outage</c>, <c>malformed</c>, <c>hostile</c>.</param>
/// <param name="Overlapped">Whether another call to this company was in flight during this one.</param>
public sealed record JournalEntry(
    long Sequence,
    string Operation,
    string? BatchKey,
    DateTimeOffset Start,
    DateTimeOffset? End,
    string Outcome,
    bool Overlapped);
