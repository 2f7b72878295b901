using BudgetActors.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace BudgetActors.Storage.Tests;

/// <summary>Grain state through Orleans' ADO.NET grain storage on the migrated schema.</summary>
public sealed class GrainStorageTests(PostgresFixture postgres) : IAsyncLifetime
{
    private PostgresDatabase _database = null!;
    private PostgresSilo _silo = null!;

    private string ConnectionString => _database.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync(nameof(GrainStorageTests), TestContext.Current.CancellationToken);
        _silo = await PostgresSilo.StartAsync(ConnectionString, "storage", TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task State_written_by_a_grain_is_read_back_by_its_next_activation_and_a_clear_empties_it()
    {
        var counter = _silo.Grains.GetGrain<ICounterGrain>("k1");

        await counter.AddAsync(2, "first");
        await counter.AddAsync(3, "second");
        var written = await counter.GetETagAsync();
        await counter.DeactivateAsync();

        Assert.Equal(5, await counter.GetAsync());
        Assert.Equal(["first", "second"], await counter.GetNotesAsync());
        Assert.Equal(written, await counter.GetETagAsync());

        await counter.ClearAsync();
        await counter.DeactivateAsync();

        Assert.Equal(0, await counter.GetAsync());
        Assert.Empty(await counter.GetNotesAsync());
        // The row stays, without payload, one version further: a stale activation still fails its write.
        Assert.Equal(1L, await Sql.ScalarAsync<long>(ConnectionString, "SELECT count(*) FROM orleans_storage WHERE state_name = 'counter' AND payload IS NULL AND version = 3", TestContext.Current.CancellationToken));
        Assert.Equal(1, await counter.AddAsync(1, "after clear"));
    }

    [Fact]
    public async Task State_survives_a_silo_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        await _silo.Grains.GetGrain<ICounterGrain>("restart").AddAsync(7, "before restart");

        await _silo.DisposeAsync();
        _silo = await PostgresSilo.StartAsync(ConnectionString, "storage", ct);

        var counter = _silo.Grains.GetGrain<ICounterGrain>("restart");
        Assert.Equal(7, await counter.GetAsync());
        Assert.Equal(8, await counter.AddAsync(1, "after restart"));
    }

    [Fact]
    public async Task A_grain_whose_state_was_changed_behind_its_back_gets_InconsistentStateException_on_write()
    {
        var counter = _silo.Grains.GetGrain<ICounterGrain>("contended");
        await counter.AddAsync(1, "mine");

        // Another writer (a second activation somewhere, say) moves the row on.
        var storage = _silo.Services.GetRequiredKeyedService<IGrainStorage>(StoredCounterGrain.Storage);
        var other = new GrainState<CounterState>();
        var grainId = GrainId.Create("counter", "contended");
        await storage.ReadStateAsync("counter", grainId, other);
        other.State!.Count = 100;
        await storage.WriteStateAsync("counter", grainId, other);

        await Assert.ThrowsAsync<InconsistentStateException>(() => counter.AddAsync(1, "stale"));
        Assert.Equal(100, await counter.GetAsync());
    }

    [Fact]
    public async Task Writes_and_clears_naming_a_stale_ETag_or_none_for_an_existing_row_throw_InconsistentStateException()
    {
        var storage = _silo.Services.GetRequiredKeyedService<IGrainStorage>(StoredCounterGrain.Storage);
        var grainId = GrainId.Create("provider", Guid.NewGuid().ToString());
        var first = new GrainState<CounterState>(new CounterState { Count = 1 });
        await storage.WriteStateAsync("provider", grainId, first);
        Assert.Equal("1", first.ETag);
        Assert.True(first.RecordExists);

        // A first write that lost the race to another first write.
        var late = new GrainState<CounterState>(new CounterState { Count = 2 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("provider", grainId, late));

        var stale = new GrainState<CounterState>(new CounterState { Count = 3 }) { ETag = first.ETag };
        await storage.WriteStateAsync("provider", grainId, first);
        Assert.Equal("2", first.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("provider", grainId, stale));
        stale.RecordExists = true;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("provider", grainId, stale));

        var read = new GrainState<CounterState>();
        await storage.ReadStateAsync("provider", grainId, read);
        Assert.Equal(("2", 1), (read.ETag, read.State!.Count));
    }

    [Fact]
    public async Task With_delete_on_clear_the_row_goes_and_a_write_naming_its_old_version_does_not_bring_it_back()
    {
        var ct = TestContext.Current.CancellationToken;
        var storage = _silo.Services.GetRequiredKeyedService<IGrainStorage>(PostgresSilo.DeletingStorage);
        var grainId = GrainId.Create("deleting", "d1");
        var state = new GrainState<CounterState>(new CounterState { Count = 1 });
        await storage.WriteStateAsync("deleting", grainId, state);
        var stale = new GrainState<CounterState>(new CounterState { Count = 9 }) { ETag = state.ETag, RecordExists = true };

        await storage.ClearStateAsync("deleting", grainId, state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(0L, await Sql.ScalarAsync<long>(ConnectionString, "SELECT count(*) FROM orleans_storage WHERE state_name = 'deleting'", ct));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("deleting", grainId, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("deleting", grainId, stale));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(ConnectionString, "SELECT count(*) FROM orleans_storage WHERE state_name = 'deleting'", ct));

        await storage.WriteStateAsync("deleting", grainId, state);
        Assert.Equal("1", state.ETag);
    }

    [Fact]
    public async Task Two_grain_types_with_different_state_names_and_the_same_key_keep_separate_rows()
    {
        var ct = TestContext.Current.CancellationToken;
        var counter = _silo.Grains.GetGrain<ICounterGrain>("shared-key");
        var tally = _silo.Grains.GetGrain<ITallyGrain>("shared-key");

        await counter.AddAsync(1, "counter");
        await tally.AddAsync(100, "tally");
        await counter.DeactivateAsync();
        await tally.DeactivateAsync();

        Assert.Equal(1, await counter.GetAsync());
        Assert.Equal(100, await tally.GetAsync());
        Assert.Equal(
            ["counter", "tally"],
            await Sql.ColumnAsync<string>(ConnectionString, "SELECT state_name FROM orleans_storage WHERE grain_id_extension = 'shared-key' ORDER BY 1", ct));
    }

    [Fact]
    public async Task An_integer_key_with_an_extension_and_a_string_key_of_the_same_text_keep_separate_rows()
    {
        var storage = _silo.Services.GetRequiredKeyedService<IGrainStorage>(StoredCounterGrain.Storage);
        var compound = GrainId.Create(GrainType.Create("compound"), GrainIdKeyExtensions.CreateIntegerKey(0, "x"));
        var text = GrainId.Create(GrainType.Create("text"), IdSpan.Create("x"));

        await storage.WriteStateAsync("same-name", compound, new GrainState<CounterState>(new CounterState { Count = 1 }));
        await storage.WriteStateAsync("same-name", text, new GrainState<CounterState>(new CounterState { Count = 2 }));

        var readCompound = new GrainState<CounterState>();
        var readText = new GrainState<CounterState>();
        await storage.ReadStateAsync("same-name", compound, readCompound);
        await storage.ReadStateAsync("same-name", text, readText);
        Assert.Equal((1, 2), (readCompound.State!.Count, readText.State!.Count));
    }

    [Fact]
    public async Task Psql_shows_a_grains_state_as_json()
    {
        var ct = TestContext.Current.CancellationToken;
        await _silo.Grains.GetGrain<ICounterGrain>("json").AddAsync(3, "readable");

        var state = await Sql.ScalarAsync<string>(ConnectionString, "SELECT state::text FROM orleans_storage_json WHERE state_name = 'counter' AND grain_id_extension = 'json'", ct);
        var count = await Sql.ScalarAsync<int>(ConnectionString, "SELECT (state->>'Count')::int FROM orleans_storage_json WHERE state_name = 'counter' AND grain_id_extension = 'json'", ct);
        var note = await Sql.ScalarAsync<string>(ConnectionString, "SELECT state->'Notes'->>0 FROM orleans_storage_json WHERE state_name = 'counter' AND grain_id_extension = 'json'", ct);

        Assert.Equal(3, count);
        Assert.Equal("readable", note);
        Assert.Equal("""{"Count": 3, "Notes": ["readable"]}""", state);
    }
}
