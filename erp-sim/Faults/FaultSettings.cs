namespace BudgetActors.ErpSimulator;

/// <summary>
/// How a simulated company misbehaves, settable at run time. Rates are probabilities per call (0 to 1),
/// drawn from the company's own seeded random source so a run can be repeated.
/// </summary>
public sealed record FaultSettings
{
    /// <summary>Time every call takes before it is answered. Default 0.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Up to this much more, uniformly drawn per call. Default 0.</summary>
    public int JitterMs { get; init; }

    /// <summary>Calls refused with a 503 before anything is applied.</summary>
    public double TransientErrorRate { get; init; }

    /// <summary>Calls that are applied but whose answer is lost (a 503 after the write): the caller must retry with the same batch key.</summary>
    public double LostResponseRate { get; init; }

    /// <summary>Calls refused with <see cref="PermanentErrorCode"/> (Spectrum Error_Code, Vista error code).</summary>
    public double PermanentErrorRate { get; init; }

    /// <summary>The code of injected permanent errors. Default <c>I</c> (invalid).</summary>
    public string PermanentErrorCode { get; init; } = "I";

    /// <summary>Vista only: calls answered 429 with Retry-After.</summary>
    public double RateLimitRate { get; init; }

    /// <summary>The Retry-After of a 429. Default 1 second.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Windows (simulator clock) during which every call fails with a 503.</summary>
    public IReadOnlyList<OutageWindow> Outages { get; init; } = [];

    /// <summary>
    /// Whether a posting whose batch key was applied before is acknowledged without applying it again (the
    /// default). Off, the company applies repeats and the journal flags each as a double posting.
    /// </summary>
    public bool HonourBatchKeys { get; init; } = true;

    /// <summary>Vista only: how long a submitted action stays queued before the company processes it. Default 0.</summary>
    public int ActionDelayMs { get; init; }

    /// <summary>Seed of the company's random source (default: derived from the company's code).</summary>
    public int? Seed { get; init; }
}
