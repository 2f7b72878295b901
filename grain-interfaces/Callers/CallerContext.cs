namespace BudgetActors.GrainInterfaces;

/// <summary>
/// The caller's identity and the client's token as they travel in Orleans' <see cref="RequestContext"/>.
/// A client app sets only <see cref="Token"/> (the client library does it); the silo authenticates every
/// call a client makes and sets <see cref="Caller"/> from the token, never from what the client claims.
/// Grains read <see cref="Caller"/>; it flows on to the calls they make.
/// </summary>
public static class CallerContext
{
    /// <summary>The <see cref="RequestContext"/> key of the API token a client app calls with.</summary>
    public const string TokenKey = "budgetactors.token";

    /// <summary>The <see cref="RequestContext"/> key of the authenticated caller.</summary>
    public const string CallerKey = "budgetactors.caller";

    /// <summary>The user a call is made for, or null outside an authenticated call.</summary>
    public static CallerIdentity? Caller
    {
        get => RequestContext.Get(CallerKey) as CallerIdentity;
        set => SetOrRemove(CallerKey, value);
    }

    /// <summary>The bearer token a client app calls with (<c>ba_...</c>), or null.</summary>
    public static string? Token
    {
        get => RequestContext.Get(TokenKey) as string;
        set => SetOrRemove(TokenKey, value);
    }

    private static void SetOrRemove(string key, object? value)
    {
        if (value is null)
        {
            RequestContext.Remove(key);
        }
        else
        {
            RequestContext.Set(key, value);
        }
    }
}
