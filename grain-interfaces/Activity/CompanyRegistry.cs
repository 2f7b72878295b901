namespace BudgetActors.GrainInterfaces;

/// <summary>Names the one registry of companies.</summary>
public static class CompanyRegistry
{
    public const string Key = "all";
}
