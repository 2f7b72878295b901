namespace BudgetActors.Erp.Vista;

/// <summary>The Vista connector's settings: one entry per JCCo, from configuration section <see cref="Section"/>.</summary>
public sealed class VistaOptions
{
    public const string Section = "Erp:Vista";

    /// <summary>The most rows Vista returns per page.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>By JCCo (<c>1</c>).</summary>
    public IDictionary<string, VistaCompanyOptions> Companies { get; } = new Dictionary<string, VistaCompanyOptions>(StringComparer.Ordinal);

    /// <summary>How long one HTTP call may take, answer included. Default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rows asked for per page (1 to 1000). Default 1000.</summary>
    public int PageSize { get; set; } = MaxPageSize;

    /// <summary>The wait between polls of a submitted action. Default 250 ms.</summary>
    public TimeSpan ActionPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long an action may stay queued before the export counts as a transient failure (the gateway retries
    /// under the same key, which finds the same action). Default 2 minutes.
    /// </summary>
    public TimeSpan ActionTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many 429 answers in a row one call waits out before it gives up (transiently). Default 5.</summary>
    public int MaxRateLimitRetries { get; set; } = 5;

    /// <summary>The longest Retry-After the connector waits; a longer one is cut to this. Default 60 seconds.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
}
