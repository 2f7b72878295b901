using System.Text.Json;
using System.Text.Json.Serialization;
using BudgetActors.Dashboard.Erp;
using BudgetActors.Dashboard.Workflow;

namespace BudgetActors.Dashboard;

/// <summary>Source-generated JSON for what the dashboard sends its pages (camelCase, as JavaScript reads it).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ErpModel))]
[JsonSerializable(typeof(WorkflowModel))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
