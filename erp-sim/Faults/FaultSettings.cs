namespace BudgetActors.ErpSimulator;

/// <summary>
/// How a simulated company misbehaves, settable at run time. Rates are probabilities per call (0 to 1),
/// drawn from the company's own seeded random source so a run can be repeated.
/// </summary>
/// <remarks>
/// Settable rather than init-only: the source-generated JSON reader sets init-only properties all at once,
/// giving those a body leaves out null or zero instead of their defaults (an admin PUT of just
/// <c>{"permanentErrorCode": "M"}</c> made every later call fail). Companies hold a settings object they never change; a
/// PUT replaces it.
/// </remarks>
public sealed record FaultSettings
{
    /// <summary>Time every call takes before it is answered. Default 0.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Up to this much more, uniformly drawn per call. Default 0.</summary>
    public int JitterMs { get; set; }

    /// <summary>Calls refused with a 503 before anything is applied.</summary>
    public double TransientErrorRate { get; set; }

    /// <summary>Calls that are applied but whose answer is lost (a 503 after the write): the caller must retry with the same batch key.</summary>
    public double LostResponseRate { get; set; }

    /// <summary>Calls refused with <see cref="PermanentErrorCode"/> (Spectrum Error_Code, Vista error code).</summary>
    public double PermanentErrorRate { get; set; }

    /// <summary>The code of injected permanent errors. Default <c>I</c> (invalid).</summary>
    public string PermanentErrorCode { get; set; } = "I";

    /// <summary>Vista only: calls answered 429 with Retry-After.</summary>
    public double RateLimitRate { get; set; }

    /// <summary>The Retry-After of a 429. Default 1 second.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Windows (simulator clock) during which every call fails with a 503.</summary>
    public IReadOnlyList<OutageWindow> Outages { get; set; } = [];

    /// <summary>
    /// Whether a posting whose batch key was applied before is acknowledged without applying it again (the
    /// default). Off, the company applies repeats and the journal flags each as a double posting.
    /// </summary>
    public bool HonourBatchKeys { get; set; } = true;

    /// <summary>Vista only: how long a submitted action stays queued before the company processes it. Default 0.</summary>
    public int ActionDelayMs { get; set; }

    /// <summary>Seed of the company's random source (default: derived from the company's code).</summary>
    public int? Seed { get; set; }
}
