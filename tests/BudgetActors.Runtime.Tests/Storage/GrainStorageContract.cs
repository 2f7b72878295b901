namespace BudgetActors.Runtime.Tests;

/// <summary>
/// What every grain storage provider must do. Two providers over the same store stand for two silos.
/// </summary>
public abstract class GrainStorageContract : IAsyncLifetime
{
    private static readonly GrainJsonOptions s_json = new([TestJsonContext.Default]);

    protected IGrainStorage First { get; private set; } = null!;

    protected IGrainStorage Second { get; private set; } = null!;

    protected static GrainJsonOptions Json => s_json;

    protected static GrainId Grain { get; } = new("budget", "acme:tower-7");

    public async ValueTask InitializeAsync() => (First, Second) = await CreateTwoSilosAsync();

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Reading_a_missing_row_says_no_record_and_no_etag()
    {
        var state = new TestGrainState();

        await First.ReadStateAsync("budget", Grain, state, TestContext.Current.CancellationToken);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Null(state.State.Value);
    }

    [Fact]
    public async Task What_one_silo_writes_the_other_reads()
    {
        var written = new TestGrainState { State = new ValueState { Value = "Locked", Writes = 1 } };
        await First.WriteStateAsync("budget", Grain, written, TestContext.Current.CancellationToken);

        var read = new TestGrainState();
        await Second.ReadStateAsync("budget", Grain, read, TestContext.Current.CancellationToken);

        Assert.Equal(written.State, read.State);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await First.WriteStateAsync("budget", Grain, new TestGrainState { State = new ValueState { Value = "Unlocked" } }, ct);
        var onFirst = new TestGrainState();
        var onSecond = new TestGrainState();
        await First.ReadStateAsync("budget", Grain, onFirst, ct);
        await Second.ReadStateAsync("budget", Grain, onSecond, ct);

        onSecond.State = new ValueState { Value = "Locked by second" };
        await Second.WriteStateAsync("budget", Grain, onSecond, ct);
        onFirst.State = new ValueState { Value = "Locked by first" };
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => First.WriteStateAsync("budget", Grain, onFirst, ct));

        Assert.Equal(onSecond.ETag, error.StoredEtag);
        var stored = new TestGrainState();
        await First.ReadStateAsync("budget", Grain, stored, ct);
        Assert.Equal("Locked by second", stored.State.Value);
    }

    [Fact]
    public async Task Two_first_writes_of_one_row_let_only_one_through()
    {
        var ct = TestContext.Current.CancellationToken;
        await First.WriteStateAsync("budget", Grain, new TestGrainState { State = new ValueState { Value = "first" } }, ct);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Second.WriteStateAsync("budget", Grain, new TestGrainState { State = new ValueState { Value = "second" } }, ct));
    }

    [Fact]
    public async Task Cleared_state_is_gone_and_can_be_written_afresh()
    {
        var ct = TestContext.Current.CancellationToken;
        var state = new TestGrainState { State = new ValueState { Value = "draft" } };
        await First.WriteStateAsync("budget", Grain, state, ct);

        await First.ClearStateAsync("budget", Grain, state, ct);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        var read = new TestGrainState();
        await Second.ReadStateAsync("budget", Grain, read, ct);
        Assert.False(read.RecordExists);
        await Second.WriteStateAsync("budget", Grain, new TestGrainState { State = new ValueState { Value = "again" } }, ct);
    }

    [Fact]
    public async Task Clearing_with_a_stale_etag_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var stale = new TestGrainState { State = new ValueState { Value = "v1" } };
        await First.WriteStateAsync("budget", Grain, stale, ct);
        var fresh = new TestGrainState();
        await Second.ReadStateAsync("budget", Grain, fresh, ct);
        await Second.WriteStateAsync("budget", Grain, fresh, ct);

        await Assert.ThrowsAsync<InconsistentStateException>(() => First.ClearStateAsync("budget", Grain, stale, ct));
    }

    [Fact]
    public async Task States_are_kept_apart_by_grain_type_key_and_name()
    {
        var ct = TestContext.Current.CancellationToken;
        await First.WriteStateAsync("budget", Grain, new TestGrainState { State = new ValueState { Value = "a" } }, ct);
        await First.WriteStateAsync("history", Grain, new TestGrainState { State = new ValueState { Value = "b" } }, ct);
        await First.WriteStateAsync("budget", Grain with { Key = "acme:tower-8" }, new TestGrainState { State = new ValueState { Value = "c" } }, ct);
        await First.WriteStateAsync("budget", Grain with { Type = "approver" }, new TestGrainState { State = new ValueState { Value = "d" } }, ct);

        var read = new TestGrainState();
        await Second.ReadStateAsync("budget", Grain, read, ct);
        Assert.Equal("a", read.State.Value);
        await Second.ReadStateAsync("history", Grain, read, ct);
        Assert.Equal("b", read.State.Value);
    }

    /// <summary>Two providers over one store, as two silos would have.</summary>
    protected abstract Task<(IGrainStorage First, IGrainStorage Second)> CreateTwoSilosAsync();
}
