using System.Text.Json;
using System.Text.Json.Serialization;

namespace BudgetActors.Erp.Vista;

// The JSON the Vista connector reads and writes. Fields an answer must carry are nullable here and checked
// where they are used, so a missing one is reported as an unreadable answer instead of a silent zero.

internal sealed record VistaPage<T>(IReadOnlyList<T>? Items, int Offset, int Limit, int Total);

internal sealed record VistaJob(string? Job, string? Description, string? Status);

internal sealed record VistaJobPhase(string? Phase, string? CostType, string? Description, decimal OrigEstCost, decimal CurrEstCost);

internal sealed record VistaJobCost(string? Phase, string? CostType, decimal ActualCost);

internal sealed record VistaPhaseMaster(string? Phase);

internal sealed record VistaError(string? Code, string? Message, string? Field);

internal sealed record VistaActionStatus(string? Id, string? Status, VistaError? Error);

internal sealed record VistaOriginalEstimate(string Phase, string CostType, decimal OrigEstCost);

internal sealed record VistaChangeOrderItem(string Phase, string CostType, decimal Amount);

internal sealed record VistaChangeOrder(string Aco, string Description, IReadOnlyList<VistaChangeOrderItem> Items);

internal sealed record VistaActionRequest(string Type, string Job, IReadOnlyList<VistaOriginalEstimate> OriginalEstimates, IReadOnlyList<VistaChangeOrder> ChangeOrders);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, MaxDepth = 16)]
[JsonSerializable(typeof(VistaPage<VistaJob>))]
[JsonSerializable(typeof(VistaPage<VistaJobPhase>))]
[JsonSerializable(typeof(VistaPage<VistaJobCost>))]
[JsonSerializable(typeof(VistaPage<VistaPhaseMaster>))]
[JsonSerializable(typeof(VistaError))]
[JsonSerializable(typeof(VistaActionStatus))]
[JsonSerializable(typeof(VistaActionRequest))]
internal sealed partial class VistaJsonContext : JsonSerializerContext;
