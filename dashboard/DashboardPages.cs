namespace BudgetActors.Dashboard;

/// <summary>The pages beside the Overview (served at <c>/dashboard/</c>), each at its own relative URL.</summary>
internal static class DashboardPages
{
    public static readonly IReadOnlyList<string> Names = ["erp", "workflow"];
}
