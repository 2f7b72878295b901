namespace BudgetActors.Grains.Erp;

/// <summary>How an ERP gateway retries and when it stops calling an ERP that keeps failing.</summary>
public sealed class ErpGatewayOptions
{
    /// <summary>Quick retries of a transient failure within one attempt. Default 3.</summary>
    public int RetryAttempts { get; set; } = 3;

    /// <summary>First retry delay, doubled each time, with jitter. Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The share of failed calls (transient failures) within <see cref="BreakSamplingWindow"/> at which the
    /// gateway stops calling the ERP for <see cref="BreakDuration"/>. Default 0.5.
    /// </summary>
    public double BreakFailureRatio { get; set; } = 0.5;

    /// <summary>How many calls the window must hold before the ratio counts. Default 5.</summary>
    public int BreakMinimumCalls { get; set; } = 5;

    /// <summary>The window over which calls are counted. Default 1 minute.</summary>
    public TimeSpan BreakSamplingWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the circuit stays open; queued jobs wait, none is lost. Default 30 seconds.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a job that failed transiently waits before the next attempt. Default 10 seconds.</summary>
    public TimeSpan RetryLaterDelay { get; set; } = TimeSpan.FromSeconds(10);
}
