using System.Text.Json;
using System.Text.Json.Serialization;

namespace BudgetActors.Silo.Api;

/// <summary>
/// The API's JSON: web names (camelCase), enums as their names, and a body missing a required value or
/// holding null where the workflow's records do not allow it is refused (400) instead of reaching a grain.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CompanyView))]
[JsonSerializable(typeof(CompanySettings))]
[JsonSerializable(typeof(CompanyUser))]
[JsonSerializable(typeof(ProjectLink))]
[JsonSerializable(typeof(BudgetView))]
[JsonSerializable(typeof(BudgetLine))]
[JsonSerializable(typeof(BudgetChange))]
[JsonSerializable(typeof(ReimportPreview))]
[JsonSerializable(typeof(IReadOnlyList<PendingItem>))]
[JsonSerializable(typeof(IReadOnlyList<FailedExport>))]
[JsonSerializable(typeof(ErpQueueView))]
[JsonSerializable(typeof(IssuedApiToken))]
[JsonSerializable(typeof(IReadOnlyList<ApiTokenInfo>))]
[JsonSerializable(typeof(CallerView))]
[JsonSerializable(typeof(IssueTokenRequest))]
[JsonSerializable(typeof(RejectRequest))]
[JsonSerializable(typeof(ImportRequest))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
