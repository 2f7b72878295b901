namespace BudgetActors.Grains.Tokens;

/// <summary>How the PostgreSQL token store answers the silo's per-request question.</summary>
public sealed class ApiTokenOptions
{
    /// <summary>
    /// How long a silo remembers that a token is valid, sparing a database round trip per request. This
    /// is the bound on how long a token revoked through another silo keeps working on this one (a revoke
    /// through this silo takes effect at once). Zero looks every request up. Default 5 seconds.
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}
