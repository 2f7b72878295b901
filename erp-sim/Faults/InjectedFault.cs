namespace BudgetActors.ErpSimulator;

/// <summary>The fault chosen for one call, ready for the protocol to render.</summary>
internal sealed record InjectedFault(FaultKind Kind, string ErrorCode, int RetryAfterSeconds)
{
    /// <summary>Whether the call's work is done before the fault (only a lost response).</summary>
    public bool AppliesFirst => Kind == FaultKind.LostResponse;

    public string Description => Kind switch
    {
        FaultKind.Permanent => $"Injected error {ErrorCode}",
        FaultKind.RateLimited => "Too many requests",
        FaultKind.Outage => "The ERP is down for maintenance",
        _ => "The ERP is temporarily unavailable",
    };
}
