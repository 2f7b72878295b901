using System.Text.Json.Serialization;

namespace BudgetActors.ErpSimulator;

// The JSON shapes of the simulated Vista REST API (camelCase on the wire).

internal sealed record VistaPage<T>(IReadOnlyList<T> Items, int Offset, int Limit, int Total);

internal sealed record VistaJob([property: JsonPropertyName("jcco")] int JCCo, string Job, string Description, string Status);

internal sealed record VistaJobPhase([property: JsonPropertyName("jcco")] int JCCo, string Job, string Phase, string CostType, string Description, decimal OrigEstCost, decimal CurrEstCost);

internal sealed record VistaJobCost([property: JsonPropertyName("jcco")] int JCCo, string Job, string Phase, string CostType, decimal ActualCost);

internal sealed record VistaPhaseMaster(string Phase);

internal sealed record VistaError(string Code, string Message, string? Field);

internal sealed record VistaActionStatus(string Id, string Status, VistaError? Error);

internal sealed record VistaOriginalEstimate(string Phase, string CostType, string? Description, decimal OrigEstCost);

internal sealed record VistaChangeOrderItem(string Phase, string CostType, decimal Amount);

/// <summary>An internal JC change order (ACO): amounts added to current estimates.</summary>
internal sealed record VistaChangeOrder(string Aco, string? Description, IReadOnlyList<VistaChangeOrderItem>? Items);

internal sealed record VistaActionRequest(
    string? Type,
    string? Job,
    IReadOnlyList<VistaOriginalEstimate>? OriginalEstimates,
    IReadOnlyList<VistaChangeOrder>? ChangeOrders);
