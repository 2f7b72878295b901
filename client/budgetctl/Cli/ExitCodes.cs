namespace BudgetActors.Cli;

/// <summary>What budgetctl's exit code says.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The workflow refused (wrong state, permission, invalid input, ...): nothing changed.</summary>
    public const int Refused = 1;

    /// <summary>The command line, a file or a profile could not be understood.</summary>
    public const int Usage = 2;

    /// <summary>
    /// The API could not be reached, the outcome of a request is unknown (no answer in time, the silo
    /// failed), or what answered is not the BudgetActors API.
    /// </summary>
    public const int Unavailable = 3;

    /// <summary>The token was missing, unknown or revoked (HTTP 401).</summary>
    public const int Unauthorized = 4;
}
