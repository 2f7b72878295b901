using System.Text.Json.Serialization;

namespace BudgetActors.GrainInterfaces;

/// <summary>Every type the workflow's grain interfaces take and return: what silos and clients put on the wire.</summary>
[JsonSerializable(typeof(CompanySettings))]
[JsonSerializable(typeof(CompanyUser))]
[JsonSerializable(typeof(ProjectLink))]
[JsonSerializable(typeof(CompanyView))]
[JsonSerializable(typeof(BudgetLine))]
[JsonSerializable(typeof(BudgetChange))]
[JsonSerializable(typeof(BudgetView))]
[JsonSerializable(typeof(ImportMode))]
[JsonSerializable(typeof(ReimportPreview))]
[JsonSerializable(typeof(ExportOutcome))]
[JsonSerializable(typeof(ExportRequest))]
[JsonSerializable(typeof(PendingItem))]
[JsonSerializable(typeof(IReadOnlyList<PendingItem>))]
[JsonSerializable(typeof(FailedExport))]
[JsonSerializable(typeof(IReadOnlyList<FailedExport>))]
[JsonSerializable(typeof(IReadOnlyList<ErpEstimate>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(ErpJobInfo))]
[JsonSerializable(typeof(ErpQueueView))]
[JsonSerializable(typeof(IssuedApiToken))]
[JsonSerializable(typeof(IReadOnlyList<ApiTokenInfo>))]
[JsonSerializable(typeof(BudgetActivity))]
[JsonSerializable(typeof(DailySummarySent))]
[JsonSerializable(typeof(HistoryEvent))]
[JsonSerializable(typeof(CompanyActivityView))]
public sealed partial class WorkflowContractJsonContext : JsonSerializerContext;
