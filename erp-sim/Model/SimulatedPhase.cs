namespace BudgetActors.ErpSimulator;

/// <summary>A phase and cost type as a simulated company holds it now (guarded by the company's lock).</summary>
internal sealed class SimulatedPhase(string description, decimal original, decimal current, decimal jobToDate)
{
    public string Description { get; set; } = description;

    public decimal OriginalEstimate { get; set; } = original;

    public decimal CurrentEstimate { get; set; } = current;

    public decimal JobToDateCost { get; } = jobToDate;
}
