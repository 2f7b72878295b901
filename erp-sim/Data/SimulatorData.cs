using System.Text.Json;

namespace BudgetActors.ErpSimulator;

/// <summary>What a simulator starts with: its companies, seeded from a JSON file or built in code.</summary>
public sealed record SimulatorData
{
    public IReadOnlyList<CompanyData> Companies { get; init; } = [];

    public static SimulatorData Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>The demo data set (<c>demo-data.json</c>): Spectrum company 001 and Vista company 1.</summary>
    public static SimulatorData Demo()
    {
        using var stream = typeof(SimulatorData).Assembly.GetManifestResourceStream("BudgetActors.ErpSimulator.demo-data.json")
            ?? throw new InvalidOperationException("The demo data set is missing from the simulator assembly.");
        return Read(stream);
    }

    public static SimulatorData Read(Stream json) =>
        JsonSerializer.Deserialize(json, SimulatorJsonContext.Default.SimulatorData)
            ?? throw new InvalidDataException("The simulator data file is empty.");
}
