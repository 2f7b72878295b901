using System.Text.Json;
using System.Text.Json.Serialization;

namespace BudgetActors.Cli;

/// <summary>
/// All of budgetctl's JSON: the API's answers and request bodies, the profile, and what <c>--json</c> prints.
/// The options are the API's own (web names, enums as their names, nulls and missing values only where the
/// records allow them; see the silo's ApiJsonContext), so that what budgetctl reads it reads as the silo
/// meant it, and what it prints has the same shape as the API's JSON.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    WriteIndented = true,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(Profile))]
[JsonSerializable(typeof(Outcome))]
[JsonSerializable(typeof(LoadReport))]
[JsonSerializable(typeof(RowError))]
[JsonSerializable(typeof(ApiProblem))]
[JsonSerializable(typeof(CallerView))]
[JsonSerializable(typeof(IssueTokenRequest))]
[JsonSerializable(typeof(RejectRequest))]
[JsonSerializable(typeof(ImportRequest))]
[JsonSerializable(typeof(CompanyView))]
[JsonSerializable(typeof(CompanySettings))]
[JsonSerializable(typeof(CompanyUser))]
[JsonSerializable(typeof(IReadOnlyList<CompanyUser>))]
[JsonSerializable(typeof(ProjectLink))]
[JsonSerializable(typeof(BudgetView))]
[JsonSerializable(typeof(IReadOnlyList<BudgetView>))]
[JsonSerializable(typeof(IReadOnlyList<HistoryEntry>))]
[JsonSerializable(typeof(BudgetLine))]
[JsonSerializable(typeof(BudgetChange))]
[JsonSerializable(typeof(ReimportPreview))]
[JsonSerializable(typeof(IReadOnlyList<PendingItem>))]
[JsonSerializable(typeof(IReadOnlyList<FailedExport>))]
[JsonSerializable(typeof(ErpQueueView))]
[JsonSerializable(typeof(IssuedApiToken))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
