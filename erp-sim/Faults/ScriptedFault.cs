namespace BudgetActors.ErpSimulator;

/// <summary>A fault for the next call of a company (scripted faults queue up, one per call, before any rate applies).</summary>
/// <param name="ErrorCode">For <see cref="FaultKind.Permanent"/>: the code (default <see cref="FaultSettings.PermanentErrorCode"/>).</param>
/// <param name="RetryAfterSeconds">For <see cref="FaultKind.RateLimited"/>: the Retry-After (default <see cref="FaultSettings.RetryAfterSeconds"/>).</param>
public sealed record ScriptedFault(FaultKind Kind, string? ErrorCode = null, int? RetryAfterSeconds = null);
