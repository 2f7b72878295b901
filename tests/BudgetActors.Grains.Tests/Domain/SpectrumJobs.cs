namespace BudgetActors.Grains.Tests;

/// <summary>ERP job data the import tests share.</summary>
internal static class SpectrumJobs
{
    /// <summary>One item of each kind the import filters tell apart: estimate and cost, cost only, estimate only, neither.</summary>
    public static readonly ErpEstimate[] Tower7 =
    [
        new("03-300", "M", "Concrete", 130_000m, 12_000m),
        new("05-100", "S", "Steel", 0m, 4_500m),
        new("09-900", "L", "Paint", 8_250.50m, 0m),
        new("10-000", "O", "Specialties", 0m, 0m),
    ];
}
