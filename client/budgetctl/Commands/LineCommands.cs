using System.CommandLine;

namespace BudgetActors.Cli.Commands;

/// <summary><c>budgetctl budget line add|update|remove</c>: lines of an unlocked budget.</summary>
internal static class LineCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var line = new Command("line", "Budget lines (cost code, category, description, original amount)");
        line.Subcommands.Add(Save("add", "Add a line", output, error, (api, p, l, ct) => api.AddLineAsync(p, l, ct)));
        line.Subcommands.Add(Save("update", "Change a line's description or original amount", output, error, (api, p, l, ct) => api.UpdateLineAsync(p, l, ct)));

        var project = Arguments.Project();
        var costCode = Arguments.Required("--cost-code", "Cost code");
        var category = Arguments.Required("--category", "Category (cost type)");
        var remove = new Command("remove", "Remove a line") { project, costCode, category };
        remove.Runs(output, error, async (session, ct) =>
        {
            await session.Api.RemoveLineAsync(session.Get(project), session.Get(costCode), session.Get(category), ct);
            session.Output.Done($"Removed {session.Get(costCode)}/{session.Get(category)} from {session.Get(project)}.");
        });
        line.Subcommands.Add(remove);
        return line;
    }

    private static Command Save(string verb, string description, TextWriter output, TextWriter error, Func<BudgetApi, string, BudgetLine, CancellationToken, Task> save)
    {
        var project = Arguments.Project();
        var costCode = Arguments.Required("--cost-code", "Cost code (known to the ERP company)");
        var category = Arguments.Required("--category", "Category (cost type)");
        var text = Arguments.Required("--description", "Description");
        var amount = Arguments.Amount();
        var command = new Command(verb, description) { project, costCode, category, text, amount };
        command.Runs(output, error, async (session, ct) =>
        {
            await save(session.Api, session.Get(project), new BudgetLine(session.Get(costCode), session.Get(category), session.Get(text), session.Get(amount)), ct);
            session.Output.Done($"{(verb == "add" ? "Added" : "Updated")} {session.Get(costCode)}/{session.Get(category)} on {session.Get(project)}.");
        });
        return command;
    }
}
