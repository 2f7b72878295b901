namespace BudgetActors.ErpSimulator;

/// <summary>
/// One simulated ERP company: its data, its fault settings and its journal. Every call goes through
/// <see cref="CallAsync{T}"/>, which journals it, injects the configured faults and latency, and runs the
/// operation under the company's lock (the simulator never serialises calls itself: overlapping calls are
/// let through and flagged, since catching them is what the journal is for).
/// </summary>
public sealed partial class SimulatedCompany
{
    private readonly TimeProvider _time;
    private readonly CallJournal _journal;
    private readonly Queue<ScriptedFault> _scripted = new();
    private readonly Dictionary<string, VistaAction> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VistaAction> _actionsByKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _appliedKeys = new(StringComparer.Ordinal);
    private FaultSettings _faults;
    private Random _random;

    internal SimulatedCompany(CompanyData data, TimeProvider time)
    {
        System = data.System;
        Code = data.Code;
        Credential = data.Credential;
        _time = time;
        _journal = new CallJournal(time);
        CostCodes = new SortedSet<string>(data.CostCodes, StringComparer.Ordinal);
        foreach (var job in data.Jobs)
        {
            var simulated = new SimulatedJob(job.Job, job.Name, job.Closed);
            foreach (var phase in job.Phases)
            {
                simulated.Phases[(phase.CostCode, phase.CostType)] = new SimulatedPhase(phase.Description, phase.OriginalEstimate, phase.CurrentEstimate, phase.JobToDateCost);
                CostCodes.Add(phase.CostCode);
            }

            Jobs[job.Job] = simulated;
        }

        _faults = data.Faults ?? new FaultSettings();
        _random = new Random(_faults.Seed ?? StableSeed(Code));
    }

    public SimulatedSystem System { get; }

    public string Code { get; }

    internal string Credential { get; }

    internal Lock Sync { get; } = new();

    internal SortedSet<string> CostCodes { get; }

    internal SortedDictionary<string, SimulatedJob> Jobs { get; } = new(StringComparer.Ordinal);

    public FaultSettings Faults
    {
        get
        {
            lock (Sync)
            {
                return _faults;
            }
        }

        set
        {
            lock (Sync)
            {
                _faults = value;
                if (value.Seed is { } seed)
                {
                    _random = new Random(seed);
                }
            }
        }
    }

    /// <summary>Queues faults for the next calls, one per call.</summary>
    public void FailNextCalls(params ScriptedFault[] faults)
    {
        lock (Sync)
        {
            foreach (var fault in faults)
            {
                _scripted.Enqueue(fault);
            }
        }
    }

    /// <summary>Takes the company down from now for <paramref name="duration"/>.</summary>
    public void StartOutage(TimeSpan duration)
    {
        var now = _time.GetUtcNow();
        lock (Sync)
        {
            _faults = _faults with { Outages = [.. _faults.Outages, new OutageWindow(now, now + duration)] };
        }
    }

    public JournalReport Journal(int? tail = null) => _journal.Report(System, Code, tail);

    public void ClearJournal() => _journal.Clear();

    /// <summary>The company's jobs as it holds them now (what tests and operators compare budgets against).</summary>
    public IReadOnlyList<JobData> Snapshot()
    {
        lock (Sync)
        {
            return [.. Jobs.Values.Select(j => j.ToData())];
        }
    }

    internal async Task<CallAnswer<T>> CallAsync<T>(string operation, string? batchKey, Func<CallOutcome, T> work, CancellationToken cancellationToken)
    {
        var sequence = _journal.Begin(operation, batchKey);
        var outcome = new CallOutcome();
        try
        {
            var (fault, delay) = Decide();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, cancellationToken);
            }

            if (fault is { AppliesFirst: false })
            {
                outcome.Outcome = Describe(fault);
                return new CallAnswer<T>(default, fault);
            }

            T result;
            lock (Sync)
            {
                result = work(outcome);
            }

            if (fault is not null)
            {
                outcome.Outcome = $"{outcome.Outcome}, {Describe(fault)}";
                return new CallAnswer<T>(default, fault);
            }

            return new CallAnswer<T>(result, null);
        }
        catch (OperationCanceledException)
        {
            outcome.Outcome = "cancelled";
            throw;
        }
        finally
        {
            _journal.End(sequence, outcome.Outcome);
        }
    }

    private (InjectedFault? Fault, TimeSpan Delay) Decide()
    {
        lock (Sync)
        {
            var settings = _faults;
            var now = _time.GetUtcNow();
            if (settings.Outages.Any(o => o.Covers(now)))
            {
                return (new InjectedFault(FaultKind.Outage, "", 0), TimeSpan.Zero); // a server that is down answers at once
            }

            var delay = TimeSpan.FromMilliseconds(settings.LatencyMs + (settings.JitterMs > 0 ? _random.Next(settings.JitterMs + 1) : 0));
            if (_scripted.TryDequeue(out var scripted))
            {
                var kind = scripted.Kind;
                return (kind == FaultKind.None ? null : new InjectedFault(kind, scripted.ErrorCode ?? settings.PermanentErrorCode, scripted.RetryAfterSeconds ?? settings.RetryAfterSeconds), delay);
            }

            FaultKind? drawn =
                System == SimulatedSystem.Vista && Draw(settings.RateLimitRate) ? FaultKind.RateLimited
                : Draw(settings.TransientErrorRate) ? FaultKind.Transient
                : Draw(settings.PermanentErrorRate) ? FaultKind.Permanent
                : Draw(settings.LostResponseRate) ? FaultKind.LostResponse
                : null;
            return (drawn is { } k ? new InjectedFault(k, settings.PermanentErrorCode, settings.RetryAfterSeconds) : null, delay);
        }
    }

    private bool Draw(double rate) => rate > 0 && _random.NextDouble() < rate;

    private static string Describe(InjectedFault fault) => fault.Kind switch
    {
        FaultKind.Permanent => $"injected {fault.ErrorCode}",
        FaultKind.RateLimited => "rate-limited",
        FaultKind.LostResponse => "lost-response",
        _ => fault.Kind.ToString().ToLowerInvariant(),
    };

    private static int StableSeed(string code) => code.Aggregate(17, (h, c) => unchecked((h * 31) + c));
}
