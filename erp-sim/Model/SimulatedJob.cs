namespace BudgetActors.ErpSimulator;

/// <summary>A job as a simulated company holds it now (guarded by the company's lock).</summary>
internal sealed class SimulatedJob(string job, string name, bool closed)
{
    public string Job { get; } = job;

    public string Name { get; } = name;

    public bool Closed { get; } = closed;

    public SortedDictionary<(string CostCode, string CostType), SimulatedPhase> Phases { get; } = new();

    public JobData ToData() => new(Job, Name,
        [.. Phases.Select(p => new PhaseData(p.Key.CostCode, p.Key.CostType, p.Value.Description, p.Value.OriginalEstimate, p.Value.CurrentEstimate, p.Value.JobToDateCost))],
        Closed);
}
