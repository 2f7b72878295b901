namespace BudgetActors.ErpSimulator;

/// <summary>What an injected fault does to a call.</summary>
public enum FaultKind
{
    /// <summary>No fault: a scripted call answered normally (to place a fault on a later call).</summary>
    None,

    /// <summary>503 before anything is applied.</summary>
    Transient,

    /// <summary>Applied, then answered 503: the caller cannot tell it went through.</summary>
    LostResponse,

    /// <summary>Refused with an ERP error code (Spectrum Error_Code; Vista a 422 with the code).</summary>
    Permanent,

    /// <summary>Vista: 429 with Retry-After.</summary>
    RateLimited,

    /// <summary>503, as during an outage window.</summary>
    Outage,

    /// <summary>A 200 whose body is cut off mid-document.</summary>
    Malformed,

    /// <summary>A 200 whose body attacks the parser (XML external entities, entity expansion; JSON nested past any sane depth).</summary>
    Hostile,
}
