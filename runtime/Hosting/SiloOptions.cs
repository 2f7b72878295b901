namespace BudgetActors.Runtime;

/// <summary>Who this silo is.</summary>
public sealed class SiloOptions
{
    /// <summary>The service all silos of one deployment share; it scopes every stored row. Default "budgetactors".</summary>
    public string ServiceId { get; set; } = "budgetactors";

    /// <summary>This silo's name, unique in the service. Default: machine name and process id.</summary>
    public string SiloName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";
}
