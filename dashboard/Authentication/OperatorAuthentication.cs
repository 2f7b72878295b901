namespace BudgetActors.Dashboard.Authentication;

/// <summary>
/// The names under which the operator login takes part in ASP.NET Core authentication and authorization, so
/// that endpoints the dashboard does not map itself (the Orleans dashboard) can require the same login:
/// <c>.RequireAuthorization(OperatorAuthentication.Policy)</c>.
/// </summary>
public static class OperatorAuthentication
{
    /// <summary>The authentication scheme that reads the operator's session cookie.</summary>
    public const string Scheme = "BudgetActorsOperator";

    /// <summary>The authorization policy: a live operator session, through <see cref="Scheme"/> only.</summary>
    public const string Policy = "Operator";

    /// <summary>The role every operator session carries.</summary>
    public const string Role = "operator";
}
