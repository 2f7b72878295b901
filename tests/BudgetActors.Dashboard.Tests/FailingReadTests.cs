using System.Net.ServerSentEvents;

namespace BudgetActors.Dashboard.Tests;

/// <summary>A page whose figures cannot be read for a moment (its database away) stays open and says so.</summary>
public sealed class FailingReadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_failed_read_is_told_to_the_open_page_and_the_next_sample_that_reads_brings_the_figures_back()
    {
        var table = new SwitchableReminderTable();
        await using var silo = await DashboardSilo.StartAsync(configure: s => s.AddReminderTable(table));
        using var http = silo.NewHttpClient();
        await silo.LogInAsync(http);
        using var response = await http.GetAsync("api/reminders/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        await using var body = await response.Content.ReadAsStreamAsync(Ct);
        await using var events = SseParser.Create(body).EnumerateAsync(Ct).GetAsyncEnumerator(Ct);

        Assert.Equal("reminders", await NextTypeAsync(events));
        table.Failing = true;
        Assert.Equal("problem", await NextTypeUntilAsync(events, "problem"));
        Assert.Contains("could not be read", events.Current.Data, StringComparison.Ordinal);
        table.Failing = false;

        Assert.Equal("reminders", await NextTypeUntilAsync(events, "reminders"));
    }

    private static async Task<string> NextTypeAsync(IAsyncEnumerator<SseItem<string>> events) =>
        await events.MoveNextAsync() ? events.Current.EventType : throw new EndOfStreamException("The event stream ended.");

    /// <summary>Reads events (one per sample) until one of <paramref name="type"/>: a read may already be under way when the table switches.</summary>
    private static async Task<string> NextTypeUntilAsync(IAsyncEnumerator<SseItem<string>> events, string type)
    {
        string read;
        do
        {
            read = await NextTypeAsync(events);
        }
        while (read != type);

        return read;
    }

    /// <summary>An in-memory reminder table whose operator listing fails while <see cref="Failing"/> is set.</summary>
    private sealed class SwitchableReminderTable : IReminderTable
    {
        private readonly MemoryReminderTable _table = new();

        public volatile bool Failing;

        public Task<ReminderPage> ReadAllAsync(string? search, int offset, int limit, CancellationToken cancellationToken) =>
            Failing ? throw new InvalidOperationException("the reminder table is away") : _table.ReadAllAsync(search, offset, limit, cancellationToken);

        public Task<ReminderEntry> UpsertAsync(GrainId grainId, string reminderName, DateTimeOffset startAt, TimeSpan period, CancellationToken cancellationToken) =>
            _table.UpsertAsync(grainId, reminderName, startAt, period, cancellationToken);

        public Task<bool> RemoveAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken) => _table.RemoveAsync(grainId, reminderName, cancellationToken);

        public Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken) => _table.ReadAsync(grainId, reminderName, cancellationToken);

        public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken) => _table.ReadAsync(grainId, cancellationToken);

        public Task<IReadOnlyList<ReminderEntry>> ClaimDueAsync(string siloId, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken) =>
            _table.ClaimDueAsync(siloId, now, leaseUntil, limit, cancellationToken);

        public Task<bool> CompleteTickAsync(ReminderEntry claimed, DateTimeOffset delivered, DateTimeOffset nextDue, CancellationToken cancellationToken) =>
            _table.CompleteTickAsync(claimed, delivered, nextDue, cancellationToken);

        public Task ReleaseAsync(ReminderEntry claimed, DateTimeOffset retryAt, CancellationToken cancellationToken) => _table.ReleaseAsync(claimed, retryAt, cancellationToken);

        public Task<int> ReleaseLeasesOfAsync(string siloId, CancellationToken cancellationToken) => _table.ReleaseLeasesOfAsync(siloId, cancellationToken);
    }
}
