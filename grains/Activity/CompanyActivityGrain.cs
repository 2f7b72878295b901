using Orleans.Storage;
using Orleans.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetActors.Grains.Activity;

/// <summary>
/// A company's workflow at a glance, kept up to date by its budgets and approvers (as the workflow, never as
/// users) so that the operator dashboard reads one grain per company instead of every budget. Reports carry
/// absolute values and the budget's history length as its version, so a lost report is repaired by the next
/// and a repeated or overtaken one changes nothing.
/// </summary>
/// <remarks>
/// Each project is a row of its own (<c>project-&lt;n&gt;</c>, numbered without gaps) and so is each of the
/// latest steps (<c>event-&lt;slot&gt;</c>, a fixed number of slots): a report writes one project row and its new
/// steps, never the whole company, so the ERP's export rate does not pay for the number of budgets.
/// </remarks>
[GrainType("company-activity")]
public sealed class CompanyActivityGrain(
    [PersistentState("activity")] IPersistentState<CompanyActivityState> activity,
    IServiceProvider services) : Grain, ICompanyActivityGrain
{
    /// <summary>How many of the latest history steps of its budgets a company keeps.</summary>
    public const int RecentEventsKept = 50;

    /// <summary>How many local days of daily summaries a company keeps.</summary>
    public const int SummaryDaysKept = 7;

    // Row names share one namespace with every grain type's state names (ADO.NET storage keys rows by state
    // name, dotnet/orleans#8746): internal so that the test of their uniqueness reads them from here.
    internal const string ProjectRows = "project";
    internal const string EventRows = "event";

    // Rows are read this many at a time when the grain activates: a company of thousands of budgets comes back
    // in a few hundred round trips' time, without taking that many database connections at once.
    private const int ReadBatch = 16;

    // What a project row holds until it is read or first written.
    private static readonly BudgetActivity Unread = new("", 0, BudgetStatus.None, default, 0, 0m, null, null, []);

    private readonly Dictionary<string, ActivityRow<BudgetActivity>> _projects = new(StringComparer.Ordinal);
    private readonly List<ActivityRow<RecentEvent?>> _events = [];
    private IGrainStorage _rows = null!;
    private long _nextSequence;

    private string CompanyId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The rows live in the same storage as the activity record.
        _rows = services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        for (var first = 0; first < RecentEventsKept; first += ReadBatch)
        {
            var batch = Enumerable.Range(first, Math.Min(ReadBatch, RecentEventsKept - first))
                .Select(slot => new ActivityRow<RecentEvent?>(ActivityRow<RecentEvent?>.NameOf(EventRows, slot), null))
                .ToList();
            await ReadAllAsync(batch, cancellationToken);

            // Orleans' storage gives a row it does not hold a new, empty state, not the placeholder: an empty slot is null.
            foreach (var empty in batch.Where(row => !row.RecordExists))
            {
                empty.State = null;
            }

            _events.AddRange(batch);
        }

        _nextSequence = _events.Max(e => e.State?.Sequence + 1) ?? 0;

        // A project row is only ever written at the next number, so the first missing one is the end.
        for (var first = 0; ; first += ReadBatch)
        {
            var batch = Enumerable.Range(first, ReadBatch)
                .Select(n => new ActivityRow<BudgetActivity>(ActivityRow<BudgetActivity>.NameOf(ProjectRows, n), Unread))
                .ToList();
            await ReadAllAsync(batch, cancellationToken);
            foreach (var row in batch)
            {
                if (!row.RecordExists)
                {
                    return;
                }

                _projects[row.State.ProjectId] = row;
            }
        }
    }

    public async Task RecordBudgetAsync(BudgetActivity budget)
    {
        Callers.RequireSystem(CompanyId, "Recording a budget's activity");
        var row = _projects.GetValueOrDefault(budget.ProjectId);
        var known = row?.State.Version ?? 0;
        if (budget.Version <= known)
        {
            return;
        }

        await JoinRegistryAsync();

        // The steps go first: should the project's row fail to be written, the budget's next report brings them
        // again (and the ones already kept are recognised), whereas a row written first would have them skipped.
        var firstStep = budget.Version - budget.LatestSteps.Count;
        foreach (var step in budget.LatestSteps.Skip(Math.Max(0, known - firstStep)))
        {
            await RecordEventAsync(new HistoryEvent(budget.ProjectId, step));
        }

        row ??= new ActivityRow<BudgetActivity>(ActivityRow<BudgetActivity>.NameOf(ProjectRows, _projects.Count), Unread);
        await WriteAsync(row, budget with { LatestSteps = [] });
        _projects[budget.ProjectId] = row;
    }

    public async Task RecordDailySummaryAsync(DailySummarySent summary)
    {
        Callers.RequireSystem(CompanyId, "Recording a daily summary");
        var summaries = activity.State.DailySummaries;
        if (summaries.Exists(s => s.ApproverId == summary.ApproverId && s.Day == summary.Day))
        {
            return;
        }

        await JoinRegistryAsync();
        var oldestKept = summaries.Select(s => s.Day).Append(summary.Day).Max().AddDays(1 - SummaryDaysKept);
        activity.State = activity.State with { DailySummaries = summaries.Add(summary).RemoveAll(s => s.Day < oldestKept) };
        await activity.WriteStateAsync();
    }

    public Task<CompanyActivityView> GetAsync()
    {
        Callers.RequireSystem(CompanyId, "Reading a company's activity");
        var byStatus = new Dictionary<BudgetStatus, int>();
        var pending = new List<PendingItem>();
        var failed = new List<FailedExport>();
        foreach (var budget in _projects.Values.Select(row => row.State))
        {
            byStatus[budget.Status] = byStatus.GetValueOrDefault(budget.Status) + 1;
            if (budget.Status == BudgetStatus.PendingAcceptance)
            {
                pending.Add(new PendingItem(CompanyId, budget.ProjectId, budget.Submission, budget.Total, budget.SentBy ?? "", budget.Since));
            }
            else if (budget is { Status: BudgetStatus.ExportFailed, LastError: { } error })
            {
                failed.Add(new FailedExport(CompanyId, budget.ProjectId, budget.Submission, budget.Total, budget.SentBy ?? "", error, budget.Since));
            }
        }

        return Task.FromResult(new CompanyActivityView(
            CompanyId,
            byStatus,
            [.. pending.OrderBy(p => p.WaitingSince).ThenBy(p => p.ProjectId, StringComparer.Ordinal)],
            [.. failed.OrderBy(f => f.FailedAt).ThenBy(f => f.ProjectId, StringComparer.Ordinal)],
            [.. activity.State.DailySummaries.OrderByDescending(s => s.SentAt)],
            [.. _events.Select(slot => slot.State).OfType<RecentEvent>().OrderByDescending(e => e.Event.Entry.At).ThenByDescending(e => e.Sequence).Select(e => e.Event)]));
    }

    /// <summary>Keeps a step among the latest, in the slot of the oldest one kept once every slot is taken.</summary>
    private async Task RecordEventAsync(HistoryEvent step)
    {
        if (_events.Exists(slot => step.Equals(slot.State?.Event)))
        {
            return; // brought again after a report whose project row failed to be written
        }

        var slot = _events.Find(s => s.State is null) ?? _events.MinBy(s => (s.State!.Event.Entry.At, s.State.Sequence))!;
        if (slot.State is { } oldest && oldest.Event.Entry.At > step.Entry.At)
        {
            return; // older than every step kept (a late repair)
        }

        await WriteAsync(slot, new RecentEvent(_nextSequence, step));
        _nextSequence++;
    }

    private async Task JoinRegistryAsync()
    {
        if (activity.State.Listed)
        {
            return;
        }

        using (Callers.AsSystem(CompanyId, "company-activity"))
        {
            await GrainFactory.GetGrain<ICompanyRegistryGrain>(CompanyRegistry.Key).JoinAsync(CompanyId);
        }

        activity.State = activity.State with { Listed = true };
        await activity.WriteStateAsync();
    }

    private Task ReadAllAsync<T>(IEnumerable<ActivityRow<T>> rows, CancellationToken cancellationToken) =>
        Task.WhenAll(rows.Select(row => _rows.ReadStateAsync(row.StateName, this.GetGrainId(), row, cancellationToken)));

    /// <summary>Writes <paramref name="state"/> into the row; should the write fail, the row holds what it held.</summary>
    private async Task WriteAsync<T>(ActivityRow<T> row, T state)
    {
        var before = row.State;
        row.State = state;
        try
        {
            await _rows.WriteStateAsync(row.StateName, this.GetGrainId(), row, CancellationToken.None);
        }
        catch (Exception exception)
        {
            row.State = before;
            if (exception is InconsistentStateException)
            {
                DeactivateOnIdle(); // another activation wrote this row: this one's view of the company is stale
            }

            throw;
        }
    }
}
