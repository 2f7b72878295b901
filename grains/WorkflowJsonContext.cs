using System.Text.Json.Serialization;
using BudgetActors.Grains.Approval;
using BudgetActors.Grains.Company;
using BudgetActors.Grains.Domain;
using BudgetActors.Grains.Erp;
using BudgetActors.Grains.Notifications;

namespace BudgetActors.Grains;

/// <summary>Every type the workflow stores or passes between grains.</summary>
[JsonSerializable(typeof(CompanyState))]
[JsonSerializable(typeof(BudgetState))]
[JsonSerializable(typeof(ApproverState))]
[JsonSerializable(typeof(ErpGatewayState))]
[JsonSerializable(typeof(Notification))]
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
public sealed partial class WorkflowJsonContext : JsonSerializerContext;
