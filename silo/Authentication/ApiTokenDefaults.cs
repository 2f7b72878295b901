namespace BudgetActors.Silo.Authentication;

/// <summary>Names of the API's authentication scheme and the claims it puts on the caller.</summary>
public static class ApiTokenDefaults
{
    public const string Scheme = "ApiToken";

    /// <summary>The authorization policy every API endpoint requires: a valid, unrevoked token.</summary>
    public const string Policy = "ApiCaller";

    public const string CompanyClaim = "budgetactors:company";

    public const string UserClaim = "budgetactors:user";

    /// <summary>The realm named in <c>WWW-Authenticate</c>.</summary>
    public const string Realm = "budgetactors";
}
