using System.CommandLine;
using Spectre.Console;

namespace BudgetActors.Cli.Commands;

/// <summary><c>budgetctl budget ...</c>: a project's budget, its lines and changes, and its way to the ERP.</summary>
internal static class BudgetCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var budget = new Command("budget", "A project's budget: create, edit, lock, send, import");
        budget.Subcommands.Add(Step("create", "Create the project's budget (the project must be linked to an ERP job)", output, error, (api, p, ct) => api.CreateBudgetAsync(p, ct), "Created the budget of {0}."));
        budget.Subcommands.Add(Show(output, error));
        budget.Subcommands.Add(Step("lock", "Lock the budget (before sending it)", output, error, (api, p, ct) => api.LockAsync(p, ct), "Locked {0}."));
        budget.Subcommands.Add(Step("unlock", "Unlock the budget for editing", output, error, (api, p, ct) => api.UnlockAsync(p, ct), "Unlocked {0}."));
        budget.Subcommands.Add(Step("send", "Send the locked budget to ERP Integrations for acceptance", output, error, (api, p, ct) => api.SendAsync(p, ct), "Sent {0} for acceptance."));
        budget.Subcommands.Add(Step("retrieve", "Take a sent budget back before an approver acts", output, error, (api, p, ct) => api.RetrieveAsync(p, ct), "Retrieved {0}."));
        budget.Subcommands.Add(History(output, error));
        budget.Subcommands.Add(LineCommands.Create(output, error));
        budget.Subcommands.Add(Change(output, error));
        budget.Subcommands.Add(Import(output, error));
        budget.Subcommands.Add(LoadCommand.Create(output, error));
        return budget;
    }

    /// <summary>A command that takes a project and does one thing to its budget.</summary>
    internal static Command Step(string name, string description, TextWriter output, TextWriter error, Func<BudgetApi, string, CancellationToken, Task> step, string done)
    {
        var project = Arguments.Project();
        var command = new Command(name, description) { project };
        command.Runs(output, error, async (session, ct) =>
        {
            await step(session.Api, session.Get(project), ct);
            session.Output.Done(string.Format(System.Globalization.CultureInfo.InvariantCulture, done, session.Get(project)));
        });
        return command;
    }

    private static Command Show(TextWriter output, TextWriter error)
    {
        var project = Arguments.Project();
        var command = new Command("show", "Show the budget: lines (original, changes, revised), totals, status, who created and sent it, the last ERP error") { project };
        command.Runs(output, error, async (session, ct) =>
            session.Output.Show(await session.Api.GetBudgetAsync(session.Get(project), ct), Print));
        return command;
    }

    private static Command History(TextWriter output, TextWriter error)
    {
        var project = Arguments.Project();
        var command = new Command("history", "Who did what to the budget, when, from which state to which") { project };
        command.Runs(output, error, async (session, ct) =>
            session.Output.Show((await session.Api.GetBudgetAsync(session.Get(project), ct)).History, (console, history) =>
            {
                var table = Output.Table("when", "who", "what", "from", "to", "detail");
                foreach (var h in history)
                {
                    table.AddRow(h.At.ToString("u", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(h.UserId), Markup.Escape(h.Action), h.From.ToString(), h.To.ToString(), Markup.Escape(h.Detail ?? ""));
                }

                console.Write(table);
            }));
        return command;
    }

    private static Command Change(TextWriter output, TextWriter error)
    {
        var project = Arguments.Project();
        var id = Arguments.Required("--id", "The change's id (e.g. CO-1)");
        var costCode = Arguments.Required("--cost-code", "Cost code of the line it changes");
        var category = Arguments.Required("--category", "Category (cost type) of the line it changes");
        var amount = Arguments.Amount();
        var description = new Option<string?>("--description") { Description = "What the change is for" };
        var add = new Command("add", "Add a budget change (how a locked or synced budget changes)") { project, id, costCode, category, amount, description };
        add.Runs(output, error, async (session, ct) =>
        {
            await session.Api.AddChangeAsync(session.Get(project),
                new BudgetChange(session.Get(id), session.Get(costCode), session.Get(category), session.Get(amount), session.Get(description) ?? session.Get(id)), ct);
            session.Output.Done($"Added change {session.Get(id)} to {session.Get(project)}.");
        });
        return new Command("change", "Budget changes (modifications)") { add };
    }

    private static Command Import(TextWriter output, TextWriter error)
    {
        var project = Arguments.Project();
        var mode = new Option<ImportMode>("--mode") { Description = "Override (replace the lines with the ERP's) or Keep (add only new lines)", Required = true };
        var preview = new Option<bool>("--preview") { Description = "Show the ERP total, the budget total and the new total without importing" };
        var command = new Command("import", "Import the budget from the ERP (Spectrum only)") { project, mode, preview };
        command.Runs(output, error, async (session, ct) =>
        {
            if (session.Get(preview))
            {
                session.Output.Show(await session.Api.PreviewImportAsync(session.Get(project), session.Get(mode), ct), (console, p) =>
                    console.MarkupLine($"ERP total {Output.Money(p.CurrentErpTotal)}, budget total {Output.Money(p.CurrentBudgetTotal)}, after import {Output.Money(p.NewTotal)} ({p.LinesAdded} lines added, {p.LinesUpdated} updated)"));
                return;
            }

            await session.Api.ImportAsync(session.Get(project), session.Get(mode), ct);
            session.Output.Done($"Imported {session.Get(project)} from the ERP ({session.Get(mode)}).");
        });
        return command;
    }

    internal static void Print(IAnsiConsole console, BudgetView view)
    {
        console.MarkupLine($"[bold]{Markup.Escape(view.ProjectId)}[/] (job {Markup.Escape(view.ErpJob ?? "-")}): [bold]{view.Status}[/], submission {view.Submission}, created by {Markup.Escape(view.CreatedBy ?? "-")}, sent by {Markup.Escape(view.SentBy ?? "-")}");
        var table = Output.Table("cost code", "category", "description", "original", "changes", "revised");
        foreach (var line in view.Lines)
        {
            table.AddRow(Markup.Escape(line.CostCode), Markup.Escape(line.Category), Markup.Escape(line.Description), Output.Money(line.Original), Output.Money(line.Changes), Output.Money(line.Revised));
        }

        table.AddRow("[bold]total[/]", "", "", Output.Money(view.TotalOriginal), Output.Money(view.TotalChanges), Output.Money(view.TotalRevised));
        console.Write(table);
        if (view.LastError is { } e)
        {
            console.MarkupLine($"[red]Last ERP error[/] {Markup.Escape(e.Code)}: {Markup.Escape(e.Text)}{(e.Column is null ? "" : $" (column {Markup.Escape(e.Column)})")}");
        }
    }
}
