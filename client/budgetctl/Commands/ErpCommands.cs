using System.CommandLine;
using Spectre.Console;

namespace BudgetActors.Cli.Commands;

/// <summary><c>budgetctl erp ...</c>: the approver's side (ERP Integrations) and the ERP queue.</summary>
internal static class ErpCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var erp = new Command("erp", "ERP Integrations: budgets awaiting acceptance, failed exports, the ERP queue");

        var pending = new Command("pending", "Budgets awaiting your acceptance");
        pending.Runs(output, error, async (session, ct) =>
            session.Output.Show(await session.Api.GetPendingAsync(ct), (console, items) =>
            {
                var table = Output.Table("project", "submission", "total", "sent by", "waiting since");
                foreach (var i in items)
                {
                    table.AddRow(Markup.Escape(i.ProjectId), i.Submission.ToString(System.Globalization.CultureInfo.InvariantCulture), Output.Money(i.Total), Markup.Escape(i.SentBy), i.WaitingSince.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
                }

                console.Write(table);
            }));
        erp.Subcommands.Add(pending);

        erp.Subcommands.Add(Decide("accept", "Accept a budget: it is exported to the ERP", output, error, null));
        var reason = new Option<string>("--reason") { Description = "Why (sent to the budget's creator and sender)", Required = true };
        erp.Subcommands.Add(Decide("reject", "Reject a budget: it returns to its project manager unlocked", output, error, reason));
        erp.Subcommands.Add(Decide("retry", "Retry a failed export", output, error, null));

        var failed = new Command("failed", "Exports the ERP refused (Failed to Export), with the ERP's error");
        failed.Runs(output, error, async (session, ct) =>
            session.Output.Show(await session.Api.GetFailedAsync(ct), (console, items) =>
            {
                var table = Output.Table("project", "submission", "total", "sent by", "ERP error", "failed at");
                foreach (var f in items)
                {
                    table.AddRow(Markup.Escape(f.ProjectId), f.Submission.ToString(System.Globalization.CultureInfo.InvariantCulture), Output.Money(f.Total), Markup.Escape(f.SentBy),
                        Markup.Escape($"{f.Error.Code}: {f.Error.Text}{(f.Error.Column is null ? "" : $" ({f.Error.Column})")}"), f.FailedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
                }

                console.Write(table);
            }));
        erp.Subcommands.Add(failed);

        var synced = new Command("synced", "The company's budgets synced with the ERP");
        synced.Runs(output, error, async (session, ct) =>
        {
            var company = await session.Api.GetCompanyAsync(ct);
            var views = new List<BudgetView>();
            foreach (var project in company.Projects)
            {
                try
                {
                    views.Add(await session.Api.GetBudgetAsync(project.ProjectId, ct));
                }
                catch (WorkflowException refusal) when (refusal.Code == WorkflowErrorCode.NotFound)
                {
                    // a linked project without a budget yet
                }
            }

            IReadOnlyList<BudgetView> syncedViews = [.. views.Where(v => v.Status == BudgetStatus.Synced)];
            session.Output.Show(syncedViews, (console, list) =>
            {
                var table = Output.Table("project", "ERP job", "original", "revised", "sent by");
                foreach (var v in list)
                {
                    table.AddRow(Markup.Escape(v.ProjectId), Markup.Escape(v.ErpJob ?? ""), Output.Money(v.TotalOriginal), Output.Money(v.TotalRevised), Markup.Escape(v.SentBy ?? ""));
                }

                console.Write(table);
            });
        });
        erp.Subcommands.Add(synced);

        var queue = new Command("queue", "The company's ERP queue: jobs waiting, the one in flight, circuit state, last error");
        queue.Runs(output, error, async (session, ct) =>
        {
            var view = await session.Api.GetErpQueueAsync(ct)
                ?? throw new CliException(ExitCodes.Refused, "The company has no ERP set yet (budgetctl company set-erp).");
            session.Output.Show(view, (console, q) => console.MarkupLine(Markup.Escape(
                $"{q.Gateway}: {q.Depth} waiting, {(q.InFlight is null ? "nothing in flight" : $"in flight {q.InFlight} since {q.InFlightSince:u}")}, " +
                $"{q.Completed} done, {q.Retries} retries, circuit {(q.CircuitOpen ? "OPEN" : "closed")}" +
                (q.LastError is { } e ? $", last error {e.Code}: {e.Text}" : ""))));
        });
        erp.Subcommands.Add(queue);
        return erp;
    }

    private static Command Decide(string verb, string description, TextWriter output, TextWriter error, Option<string>? reason)
    {
        var project = Arguments.Project();
        var submission = new Option<int?>("--submission") { Description = "Which submission (default: the budget's current one)" };
        var command = new Command(verb, description) { project, submission };
        if (reason is not null)
        {
            command.Options.Add(reason);
        }

        command.Runs(output, error, async (session, ct) =>
        {
            var budget = session.Get(project);
            var number = session.Get(submission) ?? (await session.Api.GetBudgetAsync(budget, ct)).Submission;
            await (verb switch
            {
                "accept" => session.Api.AcceptAsync(budget, number, ct),
                "reject" => session.Api.RejectAsync(budget, number, session.Get(reason!), ct),
                _ => session.Api.RetryExportAsync(budget, number, ct),
            });
            session.Output.Done(verb switch
            {
                "accept" => $"Accepted {session.Get(project)}: it is being exported to the ERP.",
                "reject" => $"Rejected {session.Get(project)}; its creator and sender are told why.",
                _ => $"Retrying the export of {session.Get(project)}.",
            });
        });
        return command;
    }
}
