namespace BudgetActors.ErpSimulator;

/// <summary>Which ERP a simulated company is: it decides the protocol shape the company answers in.</summary>
public enum SimulatedSystem
{
    Spectrum,
    Vista,
}
