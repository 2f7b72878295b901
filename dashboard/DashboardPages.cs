namespace BudgetActors.Dashboard;

/// <summary>
/// The dashboard's URL layout below its mount (e.g. <c>/dashboard</c>): the entry page at <c>/dashboard/</c>
/// frames the Orleans dashboard, which is mounted at <see cref="Orleans"/>; our own pages sit beside it, each at
/// its own relative URL.
/// </summary>
internal static class DashboardPages
{
    /// <summary>Where the Orleans dashboard is mounted, relative to the dashboard's mount.</summary>
    public const string Orleans = "orleans";

    public static readonly IReadOnlyList<string> Names = ["erp", "workflow"];
}
