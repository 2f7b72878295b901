namespace BudgetActors.Runtime.Tests;

public sealed class ActivationLifecycleTests : SiloTest
{
    [Fact]
    public async Task A_grain_activates_on_its_first_call_and_stays_active_while_used()
    {
        var key = TestSilo.NewKey("life");
        var grain = Silo.Client.GetGrain<ILifecycleGrain>(key);

        Assert.Equal(1, await grain.GetActivationNumberAsync());
        Silo.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await grain.GetActivationNumberAsync());
        Silo.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(1, await grain.GetActivationNumberAsync());
        Assert.Equal(["activate"], EventLog.Of(key));
    }

    [Fact]
    public async Task An_idle_grain_is_collected_after_the_collection_age_and_reactivates_on_the_next_call()
    {
        var key = TestSilo.NewKey("idle");
        var grain = Silo.Client.GetGrain<ILifecycleGrain>(key);
        Assert.Equal(1, await grain.GetActivationNumberAsync());

        Silo.Time.Advance(TimeSpan.FromMinutes(16));
        await EventLog.WaitForAsync(key, "deactivate ActivationIdle");

        Assert.Equal(2, await grain.GetActivationNumberAsync());
    }

    [Fact]
    public async Task The_collection_age_is_configurable()
    {
        await using var silo = await TestSilo.StartAsync(s => s.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(2);
            o.CollectionQuantum = TimeSpan.FromSeconds(30);
        }));
        var key = TestSilo.NewKey("short-idle");
        await silo.Client.GetGrain<ILifecycleGrain>(key).GetActivationNumberAsync();

        silo.Time.Advance(TimeSpan.FromMinutes(3));

        await EventLog.WaitForAsync(key, "deactivate ActivationIdle");
    }

    [Fact]
    public async Task DeactivateOnIdle_ends_the_activation_after_the_current_call()
    {
        var key = TestSilo.NewKey("asked");
        var grain = Silo.Client.GetGrain<ILifecycleGrain>(key);

        await grain.DeactivateWhenIdleAsync();
        await EventLog.WaitForAsync(key, "deactivate ApplicationRequested");

        Assert.Equal(2, await grain.GetActivationNumberAsync());
    }

    [Fact]
    public async Task A_failing_OnActivateAsync_fails_the_waiting_calls_and_leaves_no_activation()
    {
        var key = TestSilo.NewKey("fails");
        var grain = Silo.Client.GetGrain<ILifecycleGrain>(key);
        LifecycleGrain.FailActivation[key] = "the company directory is unreachable";

        var calls = Enumerable.Range(0, 5).Select(_ => grain.GetActivationNumberAsync()).ToList();
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => call);
            Assert.Equal("the company directory is unreachable", error.Message);
        }

        Assert.False(Silo.Runtime.ActivationCountsByType().ContainsKey("lifecycle"));
        Assert.DoesNotContain(EventLog.Of(key), e => e.StartsWith("deactivate", StringComparison.Ordinal));

        LifecycleGrain.FailActivation.TryRemove(key, out _);
        Assert.Equal(1, await grain.GetActivationNumberAsync());
    }

    [Fact]
    public async Task Stopping_the_silo_lets_in_flight_calls_finish_then_deactivates_every_grain()
    {
        var key = TestSilo.NewKey("shutdown");
        var grain = Silo.Client.GetGrain<ILifecycleGrain>(key);
        var other = TestSilo.NewKey("shutdown-other");
        await Silo.Client.GetGrain<ILifecycleGrain>(other).GetActivationNumberAsync();
        var signal = Signals.NewName("finish");

        var inFlight = grain.WaitForSignalAsync(signal);
        await EventLog.WaitForAsync(key, "wait");
        var stopping = Silo.StopAsync();
        Assert.False(stopping.IsCompleted);

        Signals.Release(signal);
        await inFlight;
        await stopping;

        Assert.Equal(["activate", "wait", "done", "deactivate ShuttingDown"], EventLog.Of(key));
        Assert.Equal(["activate", "deactivate ShuttingDown"], EventLog.Of(other));
        await Assert.ThrowsAsync<SiloUnavailableException>(
            () => Silo.Client.GetGrain<ILifecycleGrain>(TestSilo.NewKey("late")).GetActivationNumberAsync());
    }
}
