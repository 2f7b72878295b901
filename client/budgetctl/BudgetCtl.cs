using System.CommandLine;
using BudgetActors.Cli.Commands;

namespace BudgetActors.Cli;

/// <summary>The command tree: <c>budgetctl company|user|budget|erp|demo ...</c>.</summary>
public static class BudgetCtl
{
    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("budgetctl: drive the BudgetActors budget workflow (budgets, approvals, ERP exports) from the command line.")
        {
            GlobalOptions.Url,
            GlobalOptions.Token,
            GlobalOptions.Profile,
            GlobalOptions.Json,
            GlobalOptions.Gateway,
        };
        root.Subcommands.Add(CompanyCommands.Create(output, error));
        root.Subcommands.Add(UserCommands.Create(output, error));
        root.Subcommands.Add(BudgetCommands.Create(output, error));
        root.Subcommands.Add(ErpCommands.Create(output, error));
        root.Subcommands.Add(DemoCommand.Create(output, error));
        return root;
    }
}
