using System.Text.Json;
using System.Text.Json.Serialization;

namespace BudgetActors.ErpSimulator;

/// <summary>JSON of the seed file and the admin endpoint: camelCase, enums as names.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, WriteIndented = true)]
[JsonSerializable(typeof(SimulatorData))]
[JsonSerializable(typeof(FaultSettings))]
[JsonSerializable(typeof(ScriptedFault[]))]
[JsonSerializable(typeof(JournalReport))]
[JsonSerializable(typeof(IReadOnlyList<JobData>))]
[JsonSerializable(typeof(OutageRequest))]
[JsonSerializable(typeof(IReadOnlyList<CompanySummary>))]
public sealed partial class SimulatorJsonContext : JsonSerializerContext;
