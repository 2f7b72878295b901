namespace BudgetActors.GrainInterfaces;

/// <summary>The ERP a company keeps its books in.</summary>
public enum ErpSystem
{
    Spectrum,
    Vista,
}
