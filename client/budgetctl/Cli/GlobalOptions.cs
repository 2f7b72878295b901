using System.CommandLine;

namespace BudgetActors.Cli;

/// <summary>The options every command takes: where the cluster is, who calls, and how to print.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Gateway = new("--gateway")
    {
        Description = "A silo endpoint, host:port (default: $BUDGETACTORS_GATEWAY, the profile, or 127.0.0.1:11111)",
        Recursive = true,
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "The bearer token to call with (default: $BUDGETACTORS_TOKEN or the profile)",
        Recursive = true,
    };

    public static readonly Option<FileInfo?> Profile = new("--profile")
    {
        Description = "A profile file with gateway and token (default: ~/.budgetctl/profile.json if it exists)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print JSON instead of tables (for scripts)",
        Recursive = true,
    };
}
