using BudgetActors.Grains.Erp;
using BudgetActors.Testing;

namespace BudgetActors.Grains.Tests;

/// <summary>
/// What every <see cref="IErpCallLease"/> promises. Waits are awaited on signals (a task's completion, the lock
/// table, an armed timer), never on time passing; <see cref="Guard"/> only keeps a broken lease from hanging the run.
/// </summary>
public abstract class ErpCallLeaseContract : IAsyncLifetime
{
    protected const string Company = "spectrum:001";
    protected const int Waiting = 3400;
    protected const int TakenAfterWait = 3401;
    protected const int ReleaseFailed = 3402;
    protected const int Lost = 3403;

    private readonly CancellationTokenSource _guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

    protected ErpCallLeaseContract() => _guard.CancelAfter(TimeSpan.FromSeconds(60));

    protected CancellationToken Guard => _guard.Token;

    /// <summary>The clock the leases measure waits with: it moves only when a test moves it.</summary>
    protected FakeTimeProvider Time { get; } = new();

    protected ErpCallLeaseOptions Options { get; } = new() { WaitWarningThreshold = TimeSpan.FromSeconds(1) };

    /// <summary>The leases of the "cluster": one per simulated silo (just one in memory).</summary>
    protected abstract IReadOnlyList<IErpCallLease> Silos { get; }

    /// <summary>Where the leases of <see cref="Silos"/> log.</summary>
    protected abstract RecordingLogger Log { get; }

    /// <summary>Returns once <paramref name="waiters"/> acquirers are queued behind the holder of <paramref name="erpCompanyKey"/>.</summary>
    protected abstract Task UntilWaitingAsync(string erpCompanyKey, int waiters);

    /// <summary>Asserts that nothing holds or waits for the lease of <paramref name="erpCompanyKey"/>.</summary>
    protected abstract Task AssertFreeAsync(string erpCompanyKey);

    public virtual ValueTask InitializeAsync() => default;

    public virtual ValueTask DisposeAsync()
    {
        _guard.Dispose();
        GC.SuppressFinalize(this);
        return default;
    }

    [Fact]
    public async Task Holders_of_one_company_never_overlap()
    {
        const int acquirers = 12;
        const int rounds = 5;
        var inside = 0;
        var most = 0;
        var calls = 0;
        await Task.WhenAll(Enumerable.Range(0, acquirers).Select(i => Task.Run(async () =>
        {
            var lease = Silos[i % Silos.Count];
            for (var round = 0; round < rounds; round++)
            {
                await using (await lease.AcquireAsync(Company, Guard))
                {
                    var now = Interlocked.Increment(ref inside);
                    for (var seen = most; now > seen; seen = most)
                    {
                        Interlocked.CompareExchange(ref most, now, seen);
                    }

                    // Give the other acquirers every chance to get in while this one holds the lease.
                    await Task.Yield();
                    await Task.Yield();
                    Interlocked.Increment(ref calls);
                    Interlocked.Decrement(ref inside);
                }
            }
        }, Guard)));

        Assert.Equal(1, most);
        Assert.Equal(acquirers * rounds, calls);
        await AssertFreeAsync(Company);
    }

    [Fact]
    public async Task Different_companies_run_in_parallel()
    {
        await using var spectrum = await Silos[0].AcquireAsync(Company, Guard);
        var vista = Silos[^1].AcquireAsync("vista:1", Guard).AsTask();
        var another = Silos[0].AcquireAsync("spectrum:002", Guard).AsTask();

        // Taken while the first is held; a lease that waited would only end with the guard.
        await using var vistaLease = await vista;
        await using var anotherLease = await another;
        Assert.False(Log.Has(Waiting));
    }

    [Fact]
    public async Task A_second_acquirer_waits_until_the_first_releases()
    {
        var first = await Silos[0].AcquireAsync(Company, Guard);
        var second = Silos[^1].AcquireAsync(Company, Guard).AsTask();
        await UntilWaitingAsync(Company, 1);
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await using var held = await second;
    }

    [Fact]
    public async Task Spellings_of_one_company_share_its_lease()
    {
        var first = await Silos[0].AcquireAsync("Spectrum:001", Guard);
        var second = Silos[^1].AcquireAsync("spectrum:001", Guard).AsTask();
        await UntilWaitingAsync(Company, 1);
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await using var held = await second;
    }

    [Fact]
    public async Task A_cancelled_acquire_throws_and_leaves_no_lock()
    {
        var first = await Silos[0].AcquireAsync(Company, Guard);
        using var cancel = new CancellationTokenSource();
        var second = Silos[^1].AcquireAsync(Company, cancel.Token).AsTask();
        await UntilWaitingAsync(Company, 1);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        await first.DisposeAsync();
        await AssertFreeAsync(Company);
        await using var third = await Silos[^1].AcquireAsync(Company, Guard);
    }

    [Fact]
    public async Task An_acquire_cancelled_before_it_starts_takes_nothing()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Silos[0].AcquireAsync(Company, new CancellationToken(canceled: true)));
        await AssertFreeAsync(Company);
    }

    [Fact]
    public async Task Disposing_a_lease_twice_lets_in_only_one_waiter()
    {
        var first = await Silos[0].AcquireAsync(Company, Guard);
        var second = Silos[^1].AcquireAsync(Company, Guard).AsTask();
        await UntilWaitingAsync(Company, 1);
        var third = Silos[0].AcquireAsync(Company, Guard).AsTask();
        await UntilWaitingAsync(Company, 2);

        await first.DisposeAsync();
        await first.DisposeAsync();
        var next = await Task.WhenAny(second, third);
        var other = next == second ? third : second;
        await UntilWaitingAsync(Company, 1);
        Assert.False(other.IsCompleted);

        await (await next).DisposeAsync();
        await using var last = await other;
    }

    [Fact]
    public async Task A_long_wait_is_logged_while_it_lasts_and_when_it_ends()
    {
        var first = await Silos[0].AcquireAsync(Company, Guard);
        Assert.False(Log.Has(TakenAfterWait)); // a free lease is no wait
        var second = Silos[^1].AcquireAsync(Company, Guard).AsTask();
        await UntilWaitingAsync(Company, 1);
        var threshold = Time.GetUtcNow() + Options.WaitWarningThreshold;
        await WorkflowSilo.UntilAsync(() => Task.FromResult(Time.TimersDueBy(threshold) == 1));
        Assert.False(Log.Has(Waiting));

        Time.Advance(Options.WaitWarningThreshold);
        var waiting = await Log.FirstAsync(Waiting).WaitAsync(Guard);
        Assert.Equal(Options.WaitWarningThreshold, waiting.Values["Waited"]);
        Assert.Equal(Company, waiting.Values["ErpCompanyKey"]);
        Assert.False(second.IsCompleted);

        Time.Advance(TimeSpan.FromSeconds(2));
        await first.DisposeAsync();
        await using var held = await second;
        var taken = await Log.FirstAsync(TakenAfterWait).WaitAsync(Guard);
        Assert.Equal(TimeSpan.FromSeconds(3), taken.Values["Waited"]);
    }
}
