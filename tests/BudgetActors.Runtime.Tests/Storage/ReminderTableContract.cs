namespace BudgetActors.Runtime.Tests;

/// <summary>What every reminder table must do, whatever keeps it.</summary>
public abstract class ReminderTableContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_day = TimeSpan.FromDays(1);
    private static readonly GrainId s_approver = new("approver", "acme:ap-1");

    protected IReminderTable Table { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Table = await CreateTableAsync();

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_registered_reminder_can_be_read_listed_and_removed()
    {
        var ct = TestContext.Current.CancellationToken;
        await Table.UpsertAsync(s_approver, "digest", Now, s_day, ct);
        await Table.UpsertAsync(s_approver, "cleanup", Now.AddHours(1), TimeSpan.FromHours(6), ct);

        var digest = await Table.ReadAsync(s_approver, "digest", ct);
        Assert.Equal((Now, s_day, Now), (digest!.StartAt, digest.Period, digest.NextDue));
        Assert.Equal(["cleanup", "digest"], (await Table.ReadAsync(s_approver, ct)).Select(r => r.ReminderName));

        Assert.True(await Table.RemoveAsync(s_approver, "digest", ct));
        Assert.False(await Table.RemoveAsync(s_approver, "digest", ct));
        Assert.Null(await Table.ReadAsync(s_approver, "digest", ct));
    }

    [Fact]
    public async Task Only_due_reminders_are_claimed_earliest_first()
    {
        var ct = TestContext.Current.CancellationToken;
        await Table.UpsertAsync(s_approver, "later", Now.AddMinutes(5), s_day, ct);
        await Table.UpsertAsync(s_approver, "due", Now.AddMinutes(-1), s_day, ct);
        await Table.UpsertAsync(s_approver, "overdue", Now.AddHours(-2), s_day, ct);

        var claimed = await Table.ClaimDueAsync("silo-a", Now, Now.AddMinutes(1), 10, ct);

        Assert.Equal(["overdue", "due"], claimed.Select(r => r.ReminderName));
        Assert.All(claimed, r => Assert.Equal(("silo-a", Now.AddMinutes(1)), (r.LeaseOwner, r.LeaseUntil)));
    }

    [Fact]
    public async Task A_claimed_tick_is_not_claimed_again_until_its_lease_runs_out()
    {
        var ct = TestContext.Current.CancellationToken;
        await Table.UpsertAsync(s_approver, "digest", Now, s_day, ct);
        Assert.Single(await Table.ClaimDueAsync("silo-a", Now, Now.AddMinutes(1), 10, ct));

        Assert.Empty(await Table.ClaimDueAsync("silo-b", Now.AddSeconds(30), Now.AddSeconds(90), 10, ct));

        var reclaimed = Assert.Single(await Table.ClaimDueAsync("silo-b", Now.AddMinutes(2), Now.AddMinutes(3), 10, ct));
        Assert.Equal("silo-b", reclaimed.LeaseOwner);
    }

    [Fact]
    public async Task The_leases_of_a_dead_silo_are_freed_at_once_and_nobody_elses()
    {
        var ct = TestContext.Current.CancellationToken;
        var other = new GrainId("approver", "acme:ap2");
        await Table.UpsertAsync(s_approver, "digest", Now, s_day, ct);
        await Table.UpsertAsync(other, "digest", Now, s_day, ct);
        Assert.Single(await Table.ClaimDueAsync("silo-a", Now, Now.AddMinutes(1), 1, ct));
        Assert.Single(await Table.ClaimDueAsync("silo-c", Now, Now.AddMinutes(1), 1, ct));

        Assert.Equal(1, await Table.ReleaseLeasesOfAsync("silo-a", ct));

        // Ten seconds later, well inside the dead silo's lease, a live silo takes its tick, and only that one.
        var taken = Assert.Single(await Table.ClaimDueAsync("silo-b", Now.AddSeconds(10), Now.AddMinutes(1), 10, ct));
        Assert.Equal("silo-b", taken.LeaseOwner);
    }

    [Fact]
    public async Task Completing_a_tick_moves_it_to_its_next_due_time_and_frees_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await Table.UpsertAsync(s_approver, "digest", Now, s_day, ct);
        var claimed = Assert.Single(await Table.ClaimDueAsync("silo-a", Now, Now.AddMinutes(1), 10, ct));

        Assert.True(await Table.CompleteTickAsync(claimed, Now.AddSeconds(2), Now + s_day, ct));

        var stored = await Table.ReadAsync(s_approver, "digest", ct);
        Assert.Equal((Now + s_day, Now.AddSeconds(2), null), (stored!.NextDue, stored.LastDelivered, stored.LeaseOwner));
        Assert.Empty(await Table.ClaimDueAsync("silo-a", Now.AddHours(1), Now.AddHours(2), 10, ct));
    }

    [Fact]
    public async Task A_tick_completed_after_the_grain_re_registered_does_not_undo_the_new_registration()
    {
        var ct = TestContext.Current.CancellationToken;
        await Table.UpsertAsync(s_approver, "digest", Now, s_day, ct);
        var claimed = Assert.Single(await Table.ClaimDueAsync("silo-a", Now, Now.AddMinutes(1), 10, ct));

        await Table.UpsertAsync(s_approver, "digest", Now.AddHours(3), TimeSpan.FromHours(12), ct);
        Assert.False(await Table.CompleteTickAsync(claimed, Now, Now + s_day, ct));

        var stored = await Table.ReadAsync(s_approver, "digest", ct);
        Assert.Equal((Now.AddHours(3), TimeSpan.FromHours(12), null), (stored!.NextDue, stored.Period, stored.LeaseOwner));
    }

    [Fact]
    public async Task A_released_tick_waits_until_its_retry_time()
    {
        var ct = TestContext.Current.CancellationToken;
        await Table.UpsertAsync(s_approver, "digest", Now, s_day, ct);
        var claimed = Assert.Single(await Table.ClaimDueAsync("silo-a", Now, Now.AddMinutes(1), 10, ct));

        await Table.ReleaseAsync(claimed, Now.AddSeconds(10), ct);

        Assert.Empty(await Table.ClaimDueAsync("silo-a", Now.AddSeconds(5), Now.AddMinutes(1), 10, ct));
        Assert.Single(await Table.ClaimDueAsync("silo-a", Now.AddSeconds(11), Now.AddMinutes(1), 10, ct));
    }

    [Fact]
    public async Task Claimers_racing_over_many_due_reminders_never_take_one_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        const int Reminders = 200;
        for (var i = 0; i < Reminders; i++)
        {
            await Table.UpsertAsync(new GrainId("approver", $"acme:ap-{i}"), "digest", Now.AddSeconds(-i), s_day, ct);
        }

        var claimers = Enumerable.Range(0, 8).Select(silo => Task.Run(async () =>
        {
            var mine = new List<ReminderEntry>();
            while (await Table.ClaimDueAsync($"silo-{silo}", Now, Now.AddMinutes(1), 7, ct) is { Count: > 0 } batch)
            {
                mine.AddRange(batch);
            }

            return mine;
        }, ct));
        var claims = (await Task.WhenAll(claimers)).SelectMany(c => c).ToList();

        Assert.Equal(Reminders, claims.Count);
        Assert.Equal(Reminders, claims.Select(c => c.GrainId).Distinct().Count());
    }

    [Fact]
    public async Task Operators_page_through_every_reminder_by_next_due_and_learn_the_total()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var hours in new[] { 3, 1, 4, 2, 5 })
        {
            await Table.UpsertAsync(new GrainId("approver", $"acme:ap-{hours}"), "digest", Now.AddHours(hours), s_day, ct);
        }

        var first = await Table.ReadAllAsync(null, 0, 2, ct);
        var last = await Table.ReadAllAsync("", 4, 2, ct);
        var past = await Table.ReadAllAsync(null, 10, 2, ct);

        Assert.Equal(["acme:ap-1", "acme:ap-2"], first.Entries.Select(r => r.GrainId.Key));
        Assert.Equal(["acme:ap-5"], last.Entries.Select(r => r.GrainId.Key));
        Assert.Empty(past.Entries);
        Assert.Equal([5, 5, 5], [first.Total, last.Total, past.Total]);
    }

    [Fact]
    public async Task Reminders_due_at_the_same_moment_are_paged_without_overlap_or_gaps()
    {
        var ct = TestContext.Current.CancellationToken;
        string[] keys = ["acme:ap-b", "acme:ap-a", "acme:ap-c", "acme:ap-B"];
        foreach (var key in keys)
        {
            await Table.UpsertAsync(new GrainId("approver", key), "digest", Now, s_day, ct);
        }

        var seen = new List<string>();
        for (var offset = 0; offset < keys.Length; offset++)
        {
            seen.Add(Assert.Single((await Table.ReadAllAsync(null, offset, 1, ct)).Entries).GrainId.Key);
        }

        Assert.Equal(keys.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_search_matches_grain_type_key_or_name_regardless_of_case_and_counts_only_matches()
    {
        var ct = TestContext.Current.CancellationToken;
        await Table.UpsertAsync(new GrainId("approver", "acme:ap-1"), "daily-summary", Now.AddHours(1), s_day, ct);
        await Table.UpsertAsync(new GrainId("erp-gateway", "acme:spectrum"), "retry-queue", Now.AddHours(2), s_day, ct);
        await Table.UpsertAsync(new GrainId("approver", "globex:ap-9"), "Cleanup", Now.AddHours(3), s_day, ct);
        await Table.UpsertAsync(new GrainId("approver", "acme:ap-2"), "daily-summary", Now.AddHours(4), s_day, ct);

        // "of {total}: the page's reminders", as an operator reads it.
        async Task<string> SearchAsync(string search, int offset = 0, int limit = 10)
        {
            var page = await Table.ReadAllAsync(search, offset, limit, ct);
            return $"of {page.Total}: " + string.Join(", ", page.Entries.Select(r => $"{r.GrainId}#{r.ReminderName}"));
        }

        Assert.Equal("of 1: erp-gateway/acme:spectrum#retry-queue", await SearchAsync("GATEWAY"));
        Assert.Equal("of 1: approver/globex:ap-9#Cleanup", await SearchAsync("Globex"));
        Assert.Equal("of 1: approver/globex:ap-9#Cleanup", await SearchAsync("cleanUP"));
        Assert.Equal("of 2: approver/acme:ap-1#daily-summary, approver/acme:ap-2#daily-summary", await SearchAsync("Summary"));
        Assert.Equal("of 3: erp-gateway/acme:spectrum#retry-queue", await SearchAsync("acme", offset: 1, limit: 1));
        Assert.Equal("of 0: ", await SearchAsync("initech"));
    }

    [Fact]
    public async Task Percent_underscore_and_backslash_in_a_search_match_only_themselves()
    {
        var ct = TestContext.Current.CancellationToken;
        await Table.UpsertAsync(new GrainId("approver", "acme:ap_1"), "100%_done", Now.AddHours(1), s_day, ct);
        await Table.UpsertAsync(new GrainId("approver", "acme:apx1"), "100x-done", Now.AddHours(2), s_day, ct);
        await Table.UpsertAsync(new GrainId("approver", @"acme:ap\1"), "plain", Now.AddHours(3), s_day, ct);

        async Task<string[]> KeysAsync(string search) =>
            [.. (await Table.ReadAllAsync(search, 0, 10, ct)).Entries.Select(r => r.GrainId.Key)];

        Assert.Equal(["acme:ap_1"], await KeysAsync("%"));
        Assert.Equal(["acme:ap_1"], await KeysAsync("_"));
        Assert.Equal(["acme:ap_1"], await KeysAsync("0%_d"));
        Assert.Equal(["acme:ap_1"], await KeysAsync("ap_1"));
        Assert.Equal([@"acme:ap\1"], await KeysAsync(@"\"));
        Assert.Equal([@"acme:ap\1"], await KeysAsync(@"ap\1"));
    }

    protected abstract Task<IReminderTable> CreateTableAsync();
}
