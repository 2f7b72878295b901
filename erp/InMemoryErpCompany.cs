namespace BudgetActors.Erp;

/// <summary>One ERP company of an <see cref="InMemoryErp"/>: its cost codes, jobs and estimates, and what was posted.</summary>
public sealed class InMemoryErpCompany
{
    internal Lock Sync { get; } = new();

    internal HashSet<string> CostCodes { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, (string Name, Dictionary<LineKey, ErpPhase> Phases)> Jobs { get; } = new(StringComparer.Ordinal);

    internal HashSet<string> AppliedKeys { get; } = new(StringComparer.Ordinal);

    internal List<ExportRequest> AppliedPostings { get; } = [];

    internal Queue<ErpException> Faults { get; } = new();

    internal int InFlight { get; set; }

    /// <summary>The most calls that were ever in flight to this company at once (the gateway keeps it at 1).</summary>
    public int MaxConcurrentCalls { get; internal set; }

    /// <summary>How many postings were applied (a repeated idempotency key is not applied again).</summary>
    public int PostingsApplied { get; internal set; }

    public int Calls { get; internal set; }

    private readonly List<string> _held = [];

    /// <summary>The idempotency keys of postings that waited at the ERP's posting gate, in order.</summary>
    public IReadOnlyList<string> HeldPostings
    {
        get
        {
            lock (Sync)
            {
                return [.. _held];
            }
        }
    }

    internal void Holding(string key)
    {
        lock (Sync)
        {
            _held.Add(key);
        }
    }

    /// <summary>The postings applied, in order (a repeated idempotency key appears once).</summary>
    public IReadOnlyList<ExportRequest> Postings
    {
        get
        {
            lock (Sync)
            {
                return [.. AppliedPostings];
            }
        }
    }

    public InMemoryErpCompany WithCostCodes(params string[] costCodes)
    {
        lock (Sync)
        {
            CostCodes.UnionWith(costCodes);
        }

        return this;
    }

    public InMemoryErpCompany WithJob(string job, string name, params ErpEstimate[] estimates)
    {
        lock (Sync)
        {
            Jobs[job] = (name, estimates.ToDictionary(e => new LineKey(e.CostCode, e.Category), e => new ErpPhase(e.Description, e.OriginalEstimate, e.OriginalEstimate, e.JobToDateCost)));
            CostCodes.UnionWith(estimates.Select(e => e.CostCode));
        }

        return this;
    }

    /// <summary>Makes the next call fail with <paramref name="fault"/> (several queue up, one per call).</summary>
    public void FailNextCall(ErpException fault)
    {
        lock (Sync)
        {
            Faults.Enqueue(fault);
        }
    }

    /// <summary>The phase as the ERP holds it now, or null.</summary>
    public ErpPhase? Phase(string job, string costCode, string category)
    {
        lock (Sync)
        {
            return Jobs.TryGetValue(job, out var j) && j.Phases.TryGetValue(new LineKey(costCode, category), out var phase) ? phase : null;
        }
    }
}
