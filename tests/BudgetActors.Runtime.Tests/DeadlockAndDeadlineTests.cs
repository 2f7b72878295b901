namespace BudgetActors.Runtime.Tests;

public sealed class DeadlockAndDeadlineTests : SiloTest
{
    // Real time, only as a guard: a deadlock the runtime failed to see would otherwise hang the test run.
    private static readonly TimeSpan s_guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_call_cycle_on_a_non_reentrant_grain_fails_at_once_naming_the_chain()
    {
        var (a, b) = (TestSilo.NewKey("a"), TestSilo.NewKey("b"));

        var error = await Assert.ThrowsAsync<DeadlockException>(
            () => Silo.Client.GetGrain<IChainGrain>(a).CallAsync([b, a], 0).WaitAsync(s_guard, TestContext.Current.CancellationToken));

        Assert.Equal([new GrainId("chain", a), new GrainId("chain", b), new GrainId("chain", a)], error.CallChain);
        Assert.Contains($"chain/{a} -> chain/{b} -> chain/{a}", error.Message);
    }

    [Fact]
    public async Task A_reentrant_grain_may_be_called_back_up_its_chain()
    {
        var (a, b) = (TestSilo.NewKey("a"), TestSilo.NewKey("b"));

        var chain = await Silo.Client.GetGrain<IReentrantChainGrain>(a).CallAsync([b, a], 0).WaitAsync(s_guard, TestContext.Current.CancellationToken);

        Assert.Equal($"reentrant-chain/{a} -> reentrant-chain/{b} -> reentrant-chain/{a}", chain);
    }

    [Fact]
    public async Task A_call_that_misses_its_deadline_fails_as_timed_out_and_a_queued_one_never_runs()
    {
        var key = TestSilo.NewKey("slow");
        var grain = Silo.Client.GetGrain<ITurnGrain>(key);
        var signal = Signals.NewName("never-before-timeout");

        var running = grain.WaitForSignalAsync(signal);
        await EventLog.WaitForAsync(key, "wait");
        var queued = grain.RecordAsync(9);

        Silo.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(running.IsCompleted);
        Silo.Time.Advance(TimeSpan.FromSeconds(2));

        var timeout = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => running);
        Assert.Contains("ITurnGrain.WaitForSignalAsync", timeout.Message);
        Assert.Contains("outcome is unknown", timeout.Message);
        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => queued);

        // The grain itself carries on: the running call completes, the abandoned one is dropped.
        Signals.Release(signal);
        await EventLog.WaitForAsync(key, "done");
        Assert.Equal("pong", await grain.PingAsync());
        Assert.DoesNotContain("enter 9", EventLog.Of(key));
    }

    [Fact]
    public async Task The_deadline_is_configurable()
    {
        await using var silo = await TestSilo.StartAsync(s => s.Configure<MessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        var key = TestSilo.NewKey("short");
        var signal = Signals.NewName("late");
        var call = silo.Client.GetGrain<ITurnGrain>(key).WaitForSignalAsync(signal);
        await EventLog.WaitForAsync(key, "wait");

        silo.Time.Advance(TimeSpan.FromSeconds(6));

        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call);
        Signals.Release(signal);
    }
}
