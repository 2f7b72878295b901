namespace BudgetActors.Runtime.Tests;

public sealed class GrainStateTests : SiloTest
{
    [Fact]
    public async Task State_written_by_one_activation_is_loaded_by_the_next()
    {
        var key = TestSilo.NewKey("state");
        var grain = Silo.Client.GetGrain<IStateGrain>(key);
        Assert.Null(await grain.GetAsync());
        Assert.Null(await grain.GetEtagAsync());

        await grain.SetAsync("locked");
        Silo.Time.Advance(TimeSpan.FromMinutes(20)); // idle collection

        Assert.Equal("locked", await grain.GetAsync());
        Assert.NotNull(await grain.GetEtagAsync());
        Assert.Equal(["activate", "activate"], EventLog.Of(key));
    }

    [Fact]
    public async Task Cleared_state_reads_as_new()
    {
        var grain = Silo.Client.GetGrain<IStateGrain>(TestSilo.NewKey("clear"));
        await grain.SetAsync("draft");

        await grain.ClearAsync();

        Assert.Null(await grain.GetAsync());
        Assert.Null(await grain.GetEtagAsync());
        await grain.SetAsync("again");
        Assert.Equal("again", await grain.GetAsync());
    }

    [Fact]
    public async Task A_stale_write_throws_InconsistentStateException_drops_the_activation_and_the_next_call_reloads()
    {
        var storage = new MemoryGrainStorage(new GrainJsonOptions([TestJsonContext.Default]));
        await using var first = await TestSilo.StartAsync(s => s.AddGrainStorage(PersistentStateAttribute.DefaultStorage, storage));
        await using var second = await TestSilo.StartAsync(s => s.AddGrainStorage(PersistentStateAttribute.DefaultStorage, storage));
        var key = TestSilo.NewKey("contended");
        var onFirst = first.Client.GetGrain<IStateGrain>(key);
        var onSecond = second.Client.GetGrain<IStateGrain>(key);

        await onFirst.SetAsync("from first");
        Assert.Equal("from first", await onSecond.GetAsync());
        await onSecond.SetAsync("from second");

        await Assert.ThrowsAsync<InconsistentStateException>(() => onFirst.SetAsync("stale"));

        Assert.Equal("from second", await onFirst.GetAsync());
        await onFirst.SetAsync("fresh");
        Assert.Equal("fresh", await onFirst.GetAsync());
    }
}
