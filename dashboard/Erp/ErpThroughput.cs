using Microsoft.Extensions.Options;

namespace BudgetActors.Dashboard.Erp;

/// <summary>
/// Exports per second of each ERP gateway: the difference of its completed count between this reading and the
/// previous one this silo took, over the time between them.
/// </summary>
internal sealed class ErpThroughput(TimeProvider time, IOptions<DashboardOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Reading> _previous = new(StringComparer.Ordinal);

    public double ExportsPerSecond(string gateway, long completed)
    {
        var now = time.GetTimestamp();
        lock (_lock)
        {
            if (!_previous.TryGetValue(gateway, out var previous))
            {
                _previous[gateway] = new Reading(completed, now, 0);
                return 0;
            }

            // Every open page reads at each sample: a reading moments after another says nothing new, so the
            // rate stands until half a sample interval has passed.
            var seconds = time.GetElapsedTime(previous.Timestamp, now).TotalSeconds;
            if (seconds < options.Value.SampleInterval.TotalSeconds / 2)
            {
                return previous.ExportsPerSecond;
            }

            var rate = Math.Max(0, completed - previous.Completed) / seconds;
            _previous[gateway] = new Reading(completed, now, rate);
            return rate;
        }
    }

    private sealed record Reading(long Completed, long Timestamp, double ExportsPerSecond);
}
