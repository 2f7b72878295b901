using System.CommandLine;

namespace BudgetActors.Cli;

/// <summary>The options every command takes: where the API is, who calls, and how to print.</summary>
internal static class GlobalOptions
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static readonly Option<string?> Url = new("--url")
    {
        Description = $"The silo's REST API, e.g. http://host:8080 (default: $BUDGETACTORS_URL, the profile, or {DefaultUrl})",
        Recursive = true,
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "The bearer token to call with (default: $BUDGETACTORS_TOKEN or the profile)",
        Recursive = true,
    };

    public static readonly Option<FileInfo?> Profile = new("--profile")
    {
        Description = "A profile file with url and token (default: ~/.budgetctl/profile.json if it exists)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print JSON instead of tables (for scripts)",
        Recursive = true,
    };

    /// <summary>
    /// The grain-call budgetctl's option, hidden: kept only so that a script still passing it is told to use
    /// <c>--url</c> instead of getting an unknown-option error that does not say what replaced it.
    /// </summary>
    public static readonly Option<string?> Gateway = new("--gateway")
    {
        Hidden = true,
        Recursive = true,
    };
}
