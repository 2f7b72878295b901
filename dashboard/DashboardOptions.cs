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

    /// <summary>
    /// Serve the dashboard only on this port, a listener of its own (e.g. one the firewall opens to operators
    /// only); unset: on the silo's web port beside the REST API.
    /// </summary>
    public int? Port { get; set; }

    /// <summary>Wrong credentials one address may try within <see cref="FailedLoginWindow"/> before it must wait. Default 5.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long a wrong credential counts against its address. Default 5 minutes.</summary>
    public TimeSpan FailedLoginWindow { get; set; } = TimeSpan.FromMinutes(5);
}
