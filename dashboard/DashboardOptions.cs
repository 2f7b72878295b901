namespace BudgetActors.Dashboard;

/// <summary>
/// The operator dashboard's settings (configuration section <c>Dashboard</c>): the login, and our ERP and
/// Workflow pages. The Orleans dashboard's own settings are <see cref="Orleans.Dashboard.DashboardOptions"/>
/// (see <see cref="DashboardSiloBuilderExtensions.AddBudgetActorsDashboardSilo"/>).
/// </summary>
public sealed class DashboardOptions
{
    /// <summary>The one operator credential; there is no anonymous access.</summary>
    public DashboardOperatorOptions Operator { get; set; } = new();

    /// <summary>How long a login lasts without being used again. Default 8 hours.</summary>
    public TimeSpan SessionDuration { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How often the ERP and Workflow pages' figures are read and pushed to open pages. Default 1 second.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Serve the dashboard only on this port, a listener of its own (e.g. one the firewall opens to operators
    /// only); unset: on the silo's web port beside the REST API.
    /// </summary>
    public int? Port { get; set; }

    /// <summary>
    /// Fill the Orleans dashboard's silo counters (Orleans' own metrics: messages, requests, activations) on its
    /// silo pages. Off by default: the package reads them by metering every grain call on every silo, watched
    /// or not, which costs about a tenth of a silo's calls/s at saturation; the rest of the Orleans dashboard
    /// does not need them.
    /// </summary>
    public bool SiloCounters { get; set; }

    /// <summary>Wrong credentials one address may try within <see cref="FailedLoginWindow"/> before it must wait. Default 5.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long a wrong credential counts against its address. Default 5 minutes.</summary>
    public TimeSpan FailedLoginWindow { get; set; } = TimeSpan.FromMinutes(5);
}
