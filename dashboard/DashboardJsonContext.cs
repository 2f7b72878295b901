using System.Text.Json;
using System.Text.Json.Serialization;
using BudgetActors.Dashboard.Grains;
using BudgetActors.Dashboard.Overview;
using BudgetActors.Dashboard.Reminders;

namespace BudgetActors.Dashboard;

/// <summary>Source-generated JSON for what the dashboard sends its pages (camelCase, as JavaScript reads it).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OverviewModel))]
[JsonSerializable(typeof(GrainsModel))]
[JsonSerializable(typeof(RemindersModel))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
