using System.Text.Json.Serialization;
using BudgetActors.Grains.Activity;
using BudgetActors.Grains.Approval;
using BudgetActors.Grains.Company;
using BudgetActors.Grains.Domain;
using BudgetActors.Grains.Erp;
using BudgetActors.Grains.Notifications;

namespace BudgetActors.Grains;

/// <summary>The state the workflow's grains store (what they exchange is in <see cref="WorkflowContractJsonContext"/>).</summary>
[JsonSerializable(typeof(CompanyState))]
[JsonSerializable(typeof(BudgetState))]
[JsonSerializable(typeof(ApproverState))]
[JsonSerializable(typeof(ErpGatewayState))]
[JsonSerializable(typeof(Notification))]
[JsonSerializable(typeof(CompanyActivityState))]
[JsonSerializable(typeof(CompanyRegistryState))]
[JsonSerializable(typeof(RecentEvent))]
// A company activity's project rows store the report a budget sent as it is (the storage serializer has no
// fallback resolver: a type missing here fails every write of it).
[JsonSerializable(typeof(BudgetActivity))]
public sealed partial class WorkflowJsonContext : JsonSerializerContext;
