using System.CommandLine;

namespace BudgetActors.Cli.Commands;

/// <summary>Arguments and options several commands share.</summary>
internal static class Arguments
{
    public static Argument<string> Project() => new("project") { Description = "The project id (e.g. tower-7)" };

    public static Option<string> Required(string name, string description) => new(name) { Description = description, Required = true };

    public static Option<decimal> Amount(string name = "--amount") => new(name) { Description = "An amount in dollars, two decimals at most", Required = true };
}
