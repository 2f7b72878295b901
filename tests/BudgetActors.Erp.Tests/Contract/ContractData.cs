namespace BudgetActors.Erp.Tests;

/// <summary>The companies the contract tests run against: the same jobs in a Spectrum and a Vista company.</summary>
internal static class ContractData
{
    public const string SpectrumCompany = "001";
    public const string SpectrumAuthorization = "spectrum-secret-001";
    public const string VistaCompany = "1";
    public const string VistaApiKey = "vista-secret-1";

    /// <summary>Empty: a first export may go here.</summary>
    public const string EmptyJob = "24-001";

    /// <summary>Holds estimates and job-to-date cost.</summary>
    public const string EstimatedJob = "24-002";

    public const string ClosedJob = "24-003";

    /// <summary>Five phases, for paging.</summary>
    public const string LargeJob = "24-004";

    /// <summary>A job whose name needs escaping in XML.</summary>
    public const string OddJob = "R&D <\"Lab\">";

    public static readonly string[] CostCodes = ["01-100", "03-300", "05-100", "09-900", "10-000"];

    public static SimulatorData Data => new()
    {
        Companies =
        [
            new CompanyData(SimulatedSystem.Spectrum, SpectrumCompany, SpectrumAuthorization, CostCodes, Jobs),
            new CompanyData(SimulatedSystem.Vista, VistaCompany, VistaApiKey, CostCodes, Jobs),
        ],
    };

    private static JobData[] Jobs =>
    [
        new(EmptyJob, "Tower 7", []),
        new(EstimatedJob, "Parking Deck",
        [
            new("03-300", "M", "Concrete", 130_000m, 130_000m, 12_000m),
            new("05-100", "S", "Steel", 0m, 0m, 4_500m),
            new("09-900", "L", "Paint", 8_250.50m, 8_250.50m, 0m),
        ]),
        new(ClosedJob, "Old Warehouse", [], Closed: true),
        new(LargeJob, "Campus", [.. CostCodes.Select((c, i) => new PhaseData(c, "L", $"Phase {i}", 100m * (i + 1), 100m * (i + 1), 0m))]),
        new(OddJob, "R&D <Lab> \"east\" & 'west'", []),
    ];
}
