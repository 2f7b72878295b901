using System.Text.Json.Serialization;

namespace BudgetActors.Cli;

/// <summary>budgetctl's own JSON: the profile, and the shapes of answers that are not workflow records.</summary>
[JsonSerializable(typeof(Profile))]
[JsonSerializable(typeof(Outcome))]
[JsonSerializable(typeof(LoadReport))]
[JsonSerializable(typeof(RowError))]
[JsonSerializable(typeof(IReadOnlyList<BudgetView>))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, UseStringEnumConverter = true)]
internal sealed partial class CliJsonContext : JsonSerializerContext;
