using BudgetActors.Grains.Notifications;

namespace BudgetActors.Grains.Tests;

/// <summary>What every notification outbox does, in memory or in PostgreSQL.</summary>
public abstract class NotificationOutboxContract : IAsyncLifetime
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 3, 13, 0, 0, TimeSpan.Zero);

    protected INotificationOutbox Outbox { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Outbox = await CreateAsync();

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_key_is_kept_once_however_often_it_is_added()
    {
        var ct = TestContext.Current.CancellationToken;
        await Outbox.AddAsync([Notice("digest:acme:ap1:2026-03-03"), Notice("digest:acme:ap1:2026-03-03")], ct);
        await Outbox.AddAsync([Notice("digest:acme:ap1:2026-03-03") with { Body = "second" }], ct);

        var (kept, sentAt) = Assert.Single(await Outbox.ReadAllAsync(ct));
        Assert.Equal(("first", null), (kept.Body, sentAt));
        Assert.Equal(["alex@acme.test", "ana@acme.test"], kept.To);
    }

    [Fact]
    public async Task A_claimed_notification_is_leased_and_a_sent_one_is_never_claimed_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await Outbox.AddAsync([Notice("a"), Notice("b")], ct);

        Assert.Equal(["a", "b"], (await Outbox.ClaimAsync("s1", s_now, s_now.AddMinutes(5), 10, ct)).Select(n => n.Key));
        Assert.Empty(await Outbox.ClaimAsync("s2", s_now.AddMinutes(1), s_now.AddMinutes(6), 10, ct));

        await Outbox.MarkSentAsync("a", s_now.AddMinutes(1), ct);
        Assert.Equal(["b"], (await Outbox.ClaimAsync("s2", s_now.AddMinutes(10), s_now.AddMinutes(15), 10, ct)).Select(n => n.Key));
    }

    [Fact]
    public async Task A_released_notification_waits_until_its_retry_time()
    {
        var ct = TestContext.Current.CancellationToken;
        await Outbox.AddAsync([Notice("a")], ct);
        await Outbox.ClaimAsync("s1", s_now, s_now.AddMinutes(5), 10, ct);

        await Outbox.ReleaseAsync("a", s_now.AddMinutes(1), ct);

        Assert.Empty(await Outbox.ClaimAsync("s1", s_now.AddSeconds(30), s_now.AddMinutes(5), 10, ct));
        Assert.Single(await Outbox.ClaimAsync("s1", s_now.AddMinutes(2), s_now.AddMinutes(5), 10, ct));
    }

    protected abstract Task<INotificationOutbox> CreateAsync();

    private static Notification Notice(string key) =>
        new(key, ["alex@acme.test", "ana@acme.test"], "ERP Integrations Daily Summary", "first", s_now);
}
