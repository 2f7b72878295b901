namespace BudgetActors.Dashboard;

/// <summary>The operator credential (<c>Dashboard:Operator:User</c> and <c>Dashboard:Operator:Password</c>).</summary>
public sealed class DashboardOperatorOptions
{
    /// <summary>The operator's user name. Default <c>operator</c>.</summary>
    public string User { get; set; } = "operator";

    /// <summary>The operator's password (secret, never logged). Required.</summary>
    public string? Password { get; set; }
}
