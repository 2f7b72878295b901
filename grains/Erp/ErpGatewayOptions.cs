namespace BudgetActors.Grains.Erp;

/// <summary>How an ERP gateway retries and when it stops calling an ERP that keeps failing.</summary>
public sealed class ErpGatewayOptions
{
    /// <summary>Quick retries of a transient failure within one attempt. Default 3.</summary>
    public int RetryAttempts { get; set; } = 3;

    /// <summary>First retry delay, doubled each time, with jitter. Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Failures in a row after which the gateway stops calling the ERP for <see cref="BreakDuration"/>. Default 5.</summary>
    public int BreakAfterFailures { get; set; } = 5;

    /// <summary>How long the circuit stays open; queued jobs wait, none is lost. Default 30 seconds.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a job that failed transiently waits before the next attempt. Default 10 seconds.</summary>
    public TimeSpan RetryLaterDelay { get; set; } = TimeSpan.FromSeconds(10);
}
