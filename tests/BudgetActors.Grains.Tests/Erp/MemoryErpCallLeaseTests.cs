using BudgetActors.Grains.Erp;

namespace BudgetActors.Grains.Tests;

public sealed class MemoryErpCallLeaseTests : ErpCallLeaseContract
{
    private readonly MemoryErpCallLease _lease;

    public MemoryErpCallLeaseTests()
    {
        Log = new RecordingLogger();
        _lease = new MemoryErpCallLease(Microsoft.Extensions.Options.Options.Create(Options), Time, Log.For<MemoryErpCallLease>());
    }

    protected override IReadOnlyList<IErpCallLease> Silos => [_lease];

    protected override RecordingLogger Log { get; }

    // A semaphore queues a waiter before AcquireAsync returns, so an acquirer that has been called is waiting.
    protected override Task UntilWaitingAsync(string erpCompanyKey, int waiters) => Task.CompletedTask;

    protected override async Task AssertFreeAsync(string erpCompanyKey)
    {
        // Free means taken at once, without waiting.
        var taking = _lease.AcquireAsync(erpCompanyKey, CancellationToken.None);
        Assert.True(taking.IsCompletedSuccessfully);
        await (await taking).DisposeAsync();
    }
}
