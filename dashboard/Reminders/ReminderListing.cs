using BudgetActors.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BudgetActors.Dashboard.Reminders;

/// <summary>
/// Reads the page of reminders an operator asked for from the silo's reminder table, which every silo of
/// the cluster shares, so any silo's dashboard lists the whole service's reminders.
/// </summary>
internal sealed class ReminderListing(IServiceProvider services, TimeProvider time, IOptions<ReminderOptions> reminderOptions)
{
    public const int PageSize = 50;

    /// <summary>Longer searches are cut: no reminder's names are that long, and the text goes into every query.</summary>
    public const int MaxSearchLength = 100;

    // A host without a reminder service has no reminders to list, which is not an error for the dashboard.
    private readonly IReminderTable? _table = services.GetService<IReminderTable>();

    /// <summary>The page the query string's <c>search</c> and <c>page</c> ask for; a bad page is the first.</summary>
    public Task<RemindersModel> ReadAsync(IQueryCollection query, CancellationToken cancellationToken)
    {
        var search = query["search"].ToString().Trim();
        if (search.Length > MaxSearchLength)
        {
            search = search[..MaxSearchLength];
        }

        var page = int.TryParse(query["page"], out var asked) && asked > 1 ? asked : 1;
        return ReadAsync(search, page, cancellationToken);
    }

    private async Task<RemindersModel> ReadAsync(string search, int page, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_table is not { } table)
        {
            return new RemindersModel(now, search, 1, PageSize, 1, 0, []);
        }

        // Reminders come and go while a page is open (an approver's list empties): a page that has emptied
        // shows the last page there is instead of nothing.
        var read = await ReadPageAsync(table, search, page, cancellationToken).ConfigureAwait(false);
        if (page > PageCount(read.Total))
        {
            page = PageCount(read.Total);
            read = await ReadPageAsync(table, search, page, cancellationToken).ConfigureAwait(false);
        }

        // A due tick waits up to a poll interval to be claimed and is then delivered at once; twice that
        // and still not done means no silo delivers it (none is up, or its deliveries fail or hang).
        var late = now - (2 * reminderOptions.Value.PollInterval);
        return new RemindersModel(
            now,
            search,
            page,
            PageSize,
            PageCount(read.Total),
            read.Total,
            [.. read.Entries.Select(r => new ReminderRow(
                r.GrainId.Type,
                r.GrainId.Key,
                r.ReminderName,
                r.Period.TotalSeconds,
                r.NextDue,
                r.LastDelivered,
                r.LeaseUntil > now ? r.LeaseOwner : null,
                r.NextDue < late))]);
    }

    private static int PageCount(int total) => Math.Max(1, (total + PageSize - 1) / PageSize);

    private static Task<ReminderPage> ReadPageAsync(IReminderTable table, string search, int page, CancellationToken cancellationToken) =>
        table.ReadAllAsync(search, (int)Math.Min((long)(page - 1) * PageSize, int.MaxValue), PageSize, cancellationToken);
}
