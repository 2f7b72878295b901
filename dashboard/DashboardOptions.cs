namespace BudgetActors.Dashboard;

/// <summary>The operator dashboard's settings (configuration section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    /// <summary>The one operator credential; there is no anonymous access.</summary>
    public DashboardOperatorOptions Operator { get; set; } = new();

    /// <summary>How long a login lasts without being used again. Default 8 hours.</summary>
    public TimeSpan SessionDuration { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How often figures are taken and pushed to open pages. Default 1 second.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many samples the history charts keep. Default 120 (two minutes at one a second).</summary>
    public int HistoryLength { get; set; } = 120;
}
