namespace BudgetActors.ErpSimulator;

/// <summary>Every company a simulator hosts, found by system and code or by the credential a caller presents.</summary>
public sealed class SimulatedErp
{
    private readonly Dictionary<(SimulatedSystem, string), SimulatedCompany> _companies = [];

    public SimulatedErp(SimulatorData data, TimeProvider time)
    {
        foreach (var company in data.Companies)
        {
            if (!_companies.TryAdd((company.System, company.Code), new SimulatedCompany(company, time)))
            {
                throw new InvalidDataException($"{company.System} company {company.Code} is listed twice in the simulator data.");
            }
        }

        Time = time;
    }

    public TimeProvider Time { get; }

    public IReadOnlyList<SimulatedCompany> Companies => [.. _companies.Values];

    public SimulatedCompany Company(SimulatedSystem system, string code) =>
        Find(system, code) ?? throw new KeyNotFoundException($"The simulator has no {system} company {code}.");

    public SimulatedCompany? Find(SimulatedSystem system, string code) => _companies.GetValueOrDefault((system, code));

    /// <summary>The Spectrum company whose Authorization_ID this is, or null.</summary>
    internal SimulatedCompany? ByAuthorization(string? authorizationId) =>
        authorizationId is { Length: > 0 }
            ? _companies.Values.FirstOrDefault(c => c.System == SimulatedSystem.Spectrum && c.Credential == authorizationId)
            : null;
}
