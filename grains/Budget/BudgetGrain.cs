using BudgetActors.Grains.Activity;
using BudgetActors.Grains.Domain;
using BudgetActors.Grains.Notifications;
using Microsoft.Extensions.Logging;

namespace BudgetActors.Grains.Budget;

/// <summary>
/// One project's budget. Each request is checked against the company directory (the caller comes from
/// the request context), applied by the pure rules in <c>Domain/</c>, and stored; only then do the
/// approvers' lists, the company's activity and the ERP gateway hear of it.
/// </summary>
[GrainType("budget")]
public sealed class BudgetGrain(
    [PersistentState("budget")] IPersistentState<BudgetState> budget,
    INotificationOutbox outbox,
    TimeProvider time,
    ILogger<BudgetGrain> logger) : Grain, IBudgetGrain
{
    private string _companyId = "";
    private string _projectId = "";

    // How many history steps the company's activity has acknowledged from this activation (0: not known).
    private int _reported;

    private ICompanyGrain Company => GrainFactory.GetGrain<ICompanyGrain>(_companyId);

    // The company's settings and directory are read as the workflow: the budget also needs them where no user
    // calls (at activation, when the gateway reports), and the company answers its own people only.
    private async Task<CompanyView> CompanyAsync()
    {
        using (Callers.AsSystem(_companyId, "budget"))
        {
            return await Company.GetAsync();
        }
    }

    private async Task<CompanyUser?> CompanyUserAsync(string userId)
    {
        using (Callers.AsSystem(_companyId, "budget"))
        {
            return await Company.FindUserAsync(userId);
        }
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_companyId, _projectId) = BudgetKey.Parse(this.GetPrimaryKeyString());

        // An accepted export whose queueing was cut short (a crash between the two writes) is queued
        // again; the gateway ignores an export it already holds.
        if (budget.State.Status == BudgetStatus.Exporting)
        {
            await QueueExportAsync();
        }

        await HandOverNotificationsAsync();
    }

    public Task CreateAsync() => ChangeAsync((b, user, at) => b.Create(user, at));

    public Task AddLineAsync(BudgetLine line) => ChangeAsync((b, user, at) => b.AddLine(line, user, at));

    public Task UpdateLineAsync(BudgetLine line) => ChangeAsync((b, user, at) => b.UpdateLine(line, user, at));

    public Task RemoveLineAsync(string costCode, string category) => ChangeAsync((b, user, at) => b.RemoveLine(new LineKey(costCode, category), user, at));

    public Task AddChangeAsync(BudgetChange change) => ChangeAsync((b, user, at) => b.AddChange(change, user, at));

    public Task RemoveChangeAsync(string changeId) => ChangeAsync((b, user, at) => b.RemoveChange(changeId, user, at));

    public Task LockAsync() => ChangeAsync((b, user, at) => b.Lock(user, at));

    public async Task UnlockAsync()
    {
        var user = await Callers.RequireUserAsync(GrainFactory, _companyId);
        var syncedBack = budget.State.Status == BudgetStatus.Synced && await IsSyncedBackAsync();
        await SaveAsync(budget.State.Unlock(user, syncedBack, time.GetUtcNow()));
    }

    public async Task SendAsync()
    {
        var user = await Callers.RequireUserAsync(GrainFactory, _companyId);
        var company = await CompanyAsync();
        var link = company.Projects.FirstOrDefault(p => p.ProjectId == _projectId);
        var check = new SendCheck(link, new HashSet<string>(), JobHasEstimates: false);

        // Ask the ERP only about a send the rules could let through.
        if (budget.State.Status is BudgetStatus.Locked or BudgetStatus.Synced && link is { JobSynced: true } && user.BudgetTool == ToolPermission.Admin)
        {
            using (Callers.AsSystem(_companyId, "budget"))
            {
                var gateway = Gateway(company);
                var job = await gateway.GetJobAsync(link.ErpJob);
                check = job is null
                    ? check with { Link = link with { JobSynced = false } }
                    : check with { KnownCostCodes = (await gateway.ListCostCodesAsync()).ToHashSet(StringComparer.Ordinal), JobHasEstimates = job.HasEstimates };
            }
        }

        var sent = budget.State.Send(user, check, time.GetUtcNow());
        await SaveAsync(sent);
        var item = new PendingItem(_companyId, _projectId, sent.Submission, sent.TotalRevised, user.UserId, sent.SentAt!.Value);
        await ForEachApproverAsync(company, approver => approver.AddPendingAsync(item));
    }

    public async Task RetrieveAsync()
    {
        var user = await Callers.RequireUserAsync(GrainFactory, _companyId);
        await SaveAsync(budget.State.Retrieve(user, time.GetUtcNow()));
        await ClearPendingAsync();
    }

    public async Task AcceptAsync(int submission)
    {
        var user = await Callers.RequireUserAsync(GrainFactory, _companyId);
        await SaveAsync(budget.State.Accept(user, submission, time.GetUtcNow()));
        await ClearPendingAsync();
        await QueueExportAsync();
    }

    public async Task RejectAsync(int submission, string reason)
    {
        var user = await Callers.RequireUserAsync(GrainFactory, _companyId);
        var now = time.GetUtcNow();
        var rejected = budget.State.Reject(user, submission, reason, now);
        var company = await CompanyAsync();
        var to = company.Users.Where(u => u.UserId == rejected.CreatedBy || u.UserId == rejected.SentBy).Select(u => u.Email);
        var notice = Notices.Rejected(this.GetPrimaryKeyString(), _projectId, submission, user, reason.Trim(), to, now);
        await SaveAsync(rejected with { Outbox = rejected.Outbox.Add(notice) });
        await ClearPendingAsync();
        await HandOverNotificationsAsync();
    }

    public async Task RetryExportAsync(int submission)
    {
        var user = await Callers.RequireUserAsync(GrainFactory, _companyId);
        await SaveAsync(budget.State.RetryExport(user, submission, time.GetUtcNow()));
        await ClearPendingAsync();
        await QueueExportAsync();
    }

    public async Task ImportAsync(ImportMode mode)
    {
        var (user, company, link, estimates) = await ReadErpEstimatesAsync();
        await SaveAsync(budget.State.Import(user, company.Settings!.Erp, link, estimates, mode, time.GetUtcNow()));
    }

    public async Task<ReimportPreview> PreviewImportAsync(ImportMode mode)
    {
        var (user, company, link, estimates) = await ReadErpEstimatesAsync();

        // A preview is an import that is not committed: the same rules decide whether it may happen.
        budget.State.Import(user, company.Settings!.Erp, link, estimates, mode, time.GetUtcNow());
        return budget.State.Preview(estimates, mode);
    }

    public async Task<BudgetView> GetAsync()
    {
        var user = await Callers.RequireUserAsync(GrainFactory, _companyId);
        if (user.BudgetTool == ToolPermission.None && user.ErpTool == ToolPermission.None)
        {
            throw new WorkflowException(WorkflowErrorCode.PermissionDenied, $"{user.Name} has no access to budgets.");
        }

        var b = budget.State.RequireCreated();
        var job = (await CompanyAsync()).Projects.FirstOrDefault(p => p.ProjectId == _projectId)?.ErpJob;
        var lines = b.Lines.Select(l =>
        {
            var changes = b.ChangesOf(l.Key);
            return new BudgetLineView(l.CostCode, l.Category, l.Description, l.OriginalAmount, changes, l.OriginalAmount + changes);
        }).ToList();
        return new BudgetView(
            _companyId, _projectId, job, b.Status, lines, b.Changes, b.TotalOriginal, b.TotalRevised - b.TotalOriginal, b.TotalRevised,
            b.CreatedBy, b.SentBy, b.Submission, b.LastError, b.History);
    }

    public async Task ReportExportAsync(ExportOutcome outcome)
    {
        Callers.RequireSystem(_companyId, "Reporting an export");
        var now = time.GetUtcNow();
        var next = outcome.Error is { } error
            ? budget.State.ExportFailed(outcome.Submission, error, now)
            : budget.State.ExportSucceeded(outcome.Submission, now);
        if (ReferenceEquals(next, budget.State))
        {
            return;
        }

        if (outcome.Error is { } refusal && (await CompanyUserAsync(next.SentBy!)) is { } sender)
        {
            next = next with { Outbox = next.Outbox.Add(Notices.ExportFailed(this.GetPrimaryKeyString(), _projectId, outcome.Submission, refusal, sender.Email, now)) };
        }

        await SaveAsync(next);
        if (outcome.Error is { } listed)
        {
            var failed = new FailedExport(_companyId, _projectId, outcome.Submission, next.TotalRevised, next.SentBy!, listed, now);
            await ForEachApproverAsync(await CompanyAsync(), approver => approver.AddFailedAsync(failed));
        }

        await HandOverNotificationsAsync();
    }

    private async Task ChangeAsync(Func<BudgetState, CompanyUser, DateTimeOffset, BudgetState> step)
    {
        var user = await Callers.RequireUserAsync(GrainFactory, _companyId);
        await SaveAsync(step(budget.State, user, time.GetUtcNow()));
    }

    private async Task SaveAsync(BudgetState next)
    {
        budget.State = next;
        await budget.WriteStateAsync();
        await ReportActivityAsync();
    }

    /// <summary>
    /// Tells the company's activity where the budget stands now, with the history steps it may not have yet.
    /// The change is committed by then: a report that fails is logged, not thrown, and the next one repairs it.
    /// </summary>
    private async Task ReportActivityAsync()
    {
        var state = budget.State;
        var version = state.History.Count;
        if (version == _reported || state.Status == BudgetStatus.None)
        {
            return; // nothing new (the outbox was handed over), or nothing to report yet
        }

        var from = Math.Max(_reported, version - CompanyActivityGrain.RecentEventsKept);
        var since = state.History.FindLast(h => h.From != h.To)?.At ?? state.History[^1].At;
        var report = new BudgetActivity(
            _projectId, version, state.Status, since, state.Submission, state.TotalRevised, state.SentBy, state.LastError, state.History.GetRange(from, version - from));
        try
        {
            using (Callers.AsSystem(_companyId, "budget"))
            {
                await GrainFactory.GetGrain<ICompanyActivityGrain>(_companyId).RecordBudgetAsync(report);
            }

            _reported = version;
        }
        catch (Exception exception)
        {
            WorkflowLog.BudgetActivityNotRecorded(logger, exception, this.GetPrimaryKeyString());
        }
    }

    private async Task HandOverNotificationsAsync()
    {
        if (budget.State.Outbox.IsEmpty)
        {
            return;
        }

        await outbox.AddAsync(budget.State.Outbox, CancellationToken.None);
        await SaveAsync(budget.State with { Outbox = [] });
    }

    /// <summary>Hands the accepted submission to the ERP gateway (idempotent: the gateway keeps one per submission).</summary>
    private async Task QueueExportAsync()
    {
        var company = await CompanyAsync();
        var job = company.Projects.First(p => p.ProjectId == _projectId).ErpJob;
        using (Callers.AsSystem(_companyId, "budget"))
        {
            await Gateway(company).EnqueueExportAsync(new ExportRequest(this.GetPrimaryKeyString(), budget.State.Submission, job, budget.State.ExportDelta()));
        }
    }

    /// <summary>Whether the ERP's job cost data shows the original amounts of the last export.</summary>
    private async Task<bool> IsSyncedBackAsync()
    {
        var company = await CompanyAsync();
        if (company.Projects.FirstOrDefault(p => p.ProjectId == _projectId) is not { } link)
        {
            return false;
        }

        using (Callers.AsSystem(_companyId, "budget"))
        {
            var inErp = (await Gateway(company).GetEstimatesAsync(link.ErpJob)).ToDictionary(e => new LineKey(e.CostCode, e.Category), e => e.OriginalEstimate);
            return budget.State.Exported.All(line => inErp.TryGetValue(line.Key, out var original) && original == line.Original);
        }
    }

    private async Task<(CompanyUser User, CompanyView Company, ProjectLink? Link, IReadOnlyList<ErpEstimate> Estimates)> ReadErpEstimatesAsync()
    {
        var user = await Callers.RequireUserAsync(GrainFactory, _companyId);
        var company = await CompanyAsync();
        var settings = company.Settings ?? throw NotConfigured();
        var link = company.Projects.FirstOrDefault(p => p.ProjectId == _projectId);
        IReadOnlyList<ErpEstimate> estimates = [];
        if (settings.Erp == ErpSystem.Spectrum && link is { JobSynced: true } && user.ErpTool >= ToolPermission.Standard)
        {
            using (Callers.AsSystem(_companyId, "budget"))
            {
                estimates = await Gateway(company).GetEstimatesAsync(link.ErpJob);
            }
        }

        return (user, company, link, estimates);
    }

    /// <summary>Takes the current submission off every approver's lists (waiting, and Failed to Export).</summary>
    private async Task ClearPendingAsync()
    {
        var submission = budget.State.Submission;
        await ForEachApproverAsync(await CompanyAsync(), async approver =>
        {
            await approver.RemovePendingAsync(_projectId, submission);
            await approver.RemoveFailedAsync(_projectId, submission);
        });
    }

    private async Task ForEachApproverAsync(CompanyView company, Func<IApproverGrain, Task> update)
    {
        using (Callers.AsSystem(_companyId, "budget"))
        {
            await Task.WhenAll(company.Users.Where(u => u.IsAccountingApprover)
                .Select(u => update(GrainFactory.GetGrain<IApproverGrain>($"{_companyId}:{u.UserId}"))));
        }
    }

    private IErpGatewayGrain Gateway(CompanyView company) =>
        GrainFactory.GetGrain<IErpGatewayGrain>(company.ErpGatewayKey ?? throw NotConfigured());

    private static WorkflowException NotConfigured() =>
        new(WorkflowErrorCode.NotFound, "The company's ERP is not configured yet: a company admin must set it up.");
}
