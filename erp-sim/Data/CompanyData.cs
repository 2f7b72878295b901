namespace BudgetActors.ErpSimulator;

/// <summary>One simulated ERP company as seeded.</summary>
/// <param name="Code">Spectrum company code (<c>001</c>) or Vista JCCo (<c>1</c>).</param>
/// <param name="Credential">The Spectrum Authorization_ID or the Vista API key that identifies a caller of this company.</param>
/// <param name="CostCodes">The company's cost codes (Spectrum phases, Vista phase master) a job's phases may use.</param>
public sealed record CompanyData(
    SimulatedSystem System,
    string Code,
    string Credential,
    IReadOnlyList<string> CostCodes,
    IReadOnlyList<JobData> Jobs)
{
    /// <summary>Faults the company starts with (none by default).</summary>
    public FaultSettings? Faults { get; init; }
}
