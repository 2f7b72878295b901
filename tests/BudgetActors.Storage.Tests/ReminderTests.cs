using BudgetActors.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetActors.Storage.Tests;

/// <summary>Reminders through Orleans' ADO.NET reminder table on the migrated schema.</summary>
public sealed class ReminderTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly DateTime Tomorrowish = new(2030, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);

    private PostgresDatabase _database = null!;
    private PostgresSilo _silo = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IReminderTable Table => _silo.Services.GetRequiredService<IReminderTable>();

    public async ValueTask InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync(nameof(ReminderTests), TestContext.Current.CancellationToken);
        _silo = await PostgresSilo.StartAsync(_database.ConnectionString, "reminders", TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_registered_reminder_reads_back_as_written_and_an_upsert_changes_it_under_a_new_ETag()
    {
        var grain = GrainId.Create("probe", "upsert");
        var first = await Table.UpsertRow(Entry(grain, "daily", TimeSpan.FromDays(30)), Ct);
        await Table.UpsertRow(Entry(grain, "other", TimeSpan.FromHours(1)), Ct);

        var read = await Table.ReadRow(grain, "daily", Ct);
        Assert.NotNull(read);
        // 30 days in milliseconds does not fit an int: the period column is bigint.
        Assert.Equal((grain, "daily", Tomorrowish, TimeSpan.FromDays(30), first), (read.GrainId, read.ReminderName, read.StartAt, read.Period, read.ETag));
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);

        var second = await Table.UpsertRow(Entry(grain, "daily", TimeSpan.FromHours(2)), Ct);
        Assert.NotEqual(first, second);
        var changed = await Table.ReadRow(grain, "daily", Ct);
        Assert.Equal((TimeSpan.FromHours(2), second), (changed!.Period, changed.ETag));
        Assert.Equal(["daily", "other"], (await Table.ReadRows(grain, Ct)).Reminders.Select(r => r.ReminderName).Order());
        Assert.Null(await Table.ReadRow(grain, "never", Ct));
        Assert.Empty((await Table.ReadRows(GrainId.Create("probe", "nobody"), Ct)).Reminders);
    }

    [Fact]
    public async Task A_removal_naming_a_stale_ETag_removes_nothing_and_the_current_one_removes_the_reminder()
    {
        var grain = GrainId.Create("probe", "remove");
        var first = await Table.UpsertRow(Entry(grain, "r", TimeSpan.FromHours(1)), Ct);
        var second = await Table.UpsertRow(Entry(grain, "r", TimeSpan.FromHours(1)), Ct);

        Assert.False(await Table.RemoveRow(grain, "r", first!, Ct));
        Assert.NotNull(await Table.ReadRow(grain, "r", Ct));
        Assert.True(await Table.RemoveRow(grain, "r", second!, Ct));
        Assert.Null(await Table.ReadRow(grain, "r", Ct));
        Assert.False(await Table.RemoveRow(grain, "r", second!, Ct));
    }

    [Fact]
    public async Task Hash_ranges_return_exactly_the_reminders_of_grains_in_them_including_ranges_that_wrap_around()
    {
        var grains = Enumerable.Range(0, 60).Select(i => GrainId.Create("probe", $"range-{i}")).ToList();
        foreach (var grain in grains)
        {
            await Table.UpsertRow(Entry(grain, "r", TimeSpan.FromHours(1)), Ct);
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        var low = hashes.Where(h => h < 0x8000_0000u).ToList();   // positive as the signed ints the table holds
        var high = hashes.Where(h => h >= 0x8000_0000u).ToList(); // negative as signed ints
        Assert.True(low.Count >= 6 && high.Count >= 6, "60 uniform hashes fall on both halves of the ring");

        (uint Begin, uint End)[] ranges =
        [
            (low[1], low[^2]),          // no wrap, both ends positive: ReadRangeRows1
            (high[1], high[^2]),        // no wrap, both ends negative: ReadRangeRows1
            (low[^2], high[2]),         // no wrap in the ring, but the signed ends cross zero: ReadRangeRows2
            (high[^3], low[3]),         // wraps past the end of the ring: ReadRangeRows2
            (hashes[10], hashes[10]),   // the whole ring
            (hashes[^1], hashes[0]),    // wraps, holding only the first hash
        ];
        foreach (var (begin, end) in ranges)
        {
            var expected = grains.Where(g => InRange(g.GetUniformHashCode(), begin, end)).Select(g => g.ToString()).Order();
            var actual = (await Table.ReadRows(begin, end, Ct)).Reminders.Select(r => r.GrainId.ToString()).Order();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task A_reminder_fires_on_the_silo_and_is_gone_from_the_table_once_unregistered()
    {
        var ct = TestContext.Current.CancellationToken;
        var probe = _silo.Grains.GetGrain<IReminderProbeGrain>("fires");

        await probe.RegisterAsync("tick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        Assert.Equal(1L, await Sql.ScalarAsync<long>(_database.ConnectionString, "SELECT count(*) FROM orleans_reminders WHERE reminder_name = 'tick' AND period = 1000", ct));

        await _silo.Services.GetRequiredService<ReminderTicks>().FirstTick("fires", "tick").WaitAsync(TimeSpan.FromSeconds(60), ct);

        await probe.UnregisterAsync("tick");
        Assert.Equal(0L, await Sql.ScalarAsync<long>(_database.ConnectionString, "SELECT count(*) FROM orleans_reminders WHERE reminder_name = 'tick'", ct));
    }

    // Orleans' ring ranges are (begin, end] over the uint hash space, wrapping past uint.MaxValue.
    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    // Far in the future: the silo's own reminder service loads these rows too, and must not tick them.
    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = Tomorrowish, Period = period };
}
