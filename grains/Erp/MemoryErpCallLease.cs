using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetActors.Grains.Erp;

/// <summary>
/// ERP call leases for the embedded single-process silo: one semaphore per company. Exclusive only within this
/// process (and this instance), which is all the embedded default has; a cluster needs <see cref="PostgresErpCallLease"/>.
/// </summary>
public sealed class MemoryErpCallLease(IOptions<ErpCallLeaseOptions> options, TimeProvider time, ILogger<MemoryErpCallLease> logger) : IErpCallLease
{
    private readonly ErpCallLeaseOptions _options = ErpCallLeaseOptionsValidator.Checked(options.Value);

    // One per company ever asked for, never removed: there are a few dozen ERP companies, and removing a
    // semaphore someone may still be about to wait on would hand out a second, unrelated lease.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _companies = new(StringComparer.Ordinal);

    public async ValueTask<IAsyncDisposable> AcquireAsync(string erpCompanyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(erpCompanyKey);
        var company = _companies.GetOrAdd(ErpCallLeaseKey.Normalize(erpCompanyKey), _ => new SemaphoreSlim(1, 1));

        // A cancelled wait takes nothing (SemaphoreSlim only counts down for a wait that succeeds).
        var taking = company.WaitAsync(cancellationToken);
        if (taking.IsCompleted)
        {
            await taking.ConfigureAwait(false);
        }
        else
        {
            await ErpCallLeaseWait.ObserveAsync(taking, erpCompanyKey, _options, time, logger).ConfigureAwait(false);
        }

        return new HeldLease(company);
    }

    private sealed class HeldLease(SemaphoreSlim company) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            // Releasing twice would let two callers in at once.
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                company.Release();
            }

            return default;
        }
    }
}
