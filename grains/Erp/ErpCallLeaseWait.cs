using Microsoft.Extensions.Logging;

namespace BudgetActors.Grains.Erp;

/// <summary>The part of taking a lease that waits for another holder, and says so when it lasts.</summary>
internal static class ErpCallLeaseWait
{
    /// <summary>Awaits <paramref name="taking"/>, a lease that was not free at once, warning once it passes the threshold.</summary>
    public static async Task ObserveAsync(Task taking, string erpCompanyKey, ErpCallLeaseOptions options, TimeProvider time, ILogger logger)
    {
        var started = time.GetTimestamp();
        try
        {
            // Not the caller's token: cancellation reaches the taking itself, which must run to its end so that
            // whatever it took can be given back by the caller of this method.
            await taking.WaitAsync(options.WaitWarningThreshold, time, CancellationToken.None).ConfigureAwait(false);
            return;
        }
        catch (TimeoutException) when (!taking.IsCompleted)
        {
            // Logged while the wait lasts: a holder that never lets go (a paused process) must show before it ends.
            WorkflowLog.ErpCallLeaseWaiting(logger, erpCompanyKey, options.WaitWarningThreshold);
        }

        await taking.ConfigureAwait(false);
        WorkflowLog.ErpCallLeaseTakenAfterWait(logger, erpCompanyKey, time.GetElapsedTime(started));
    }
}
