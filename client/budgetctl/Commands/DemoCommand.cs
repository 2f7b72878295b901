using System.CommandLine;
using Spectre.Console;

namespace BudgetActors.Cli.Commands;

/// <summary>
/// <c>budgetctl demo</c>: the seed workflow against the running silo, narrated step by step. Run with a
/// company admin's token: it issues itself tokens for a project manager and an approver of the directory
/// (revoked at the end). The first run takes a budget from creation to Synced; later runs send an update
/// after sync (a budget change), as a project manager would.
/// </summary>
internal static class DemoCommand
{
    private const string Project = "tower-7";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var demo = new Command("demo", $"Run the whole workflow on project {Project} of the demo company, narrating each step (needs a company admin's token)");
        demo.Runs(output, error, async (session, ct) =>
        {
            var console = session.Output.Console;
            var view = await session.Api.GetCompanyAsync(ct);
            var pmUser = view.Users.FirstOrDefault(u => u.BudgetTool == ToolPermission.Admin && !u.IsCompanyAdmin)
                ?? throw new CliException(ExitCodes.Refused, "The directory has no project manager (Admin on the Budget tool).");
            var approverUser = view.Users.FirstOrDefault(u => u.CanPushToAccounting && u.ErpTool >= ToolPermission.Standard)
                ?? throw new CliException(ExitCodes.Refused, "The directory has no approver ('Can Push to Accounting' and Standard on ERP Integrations).");
            var pmToken = await session.Api.IssueTokenAsync(pmUser.UserId, "budgetctl demo", ct);
            var approverToken = await session.Api.IssueTokenAsync(approverUser.UserId, "budgetctl demo", ct);
            try
            {
                var asPm = session.Connect(pmToken.Token);
                var asApprover = session.Connect(approverToken.Token);
                var step = 0;
                void Say(string text) => console.MarkupLine($"{++step}. {text}");

                var existing = await TryGetAsync(asPm, ct);
                if (existing is null)
                {
                    Say($"[bold]{Markup.Escape(pmUser.Name)}[/] (project manager) creates the budget of {Project} and adds two lines.");
                    await asPm.CreateBudgetAsync(Project, ct);
                    await asPm.AddLineAsync(Project, new BudgetLine("01-100", "L", "General conditions", 25_000m), ct);
                    await asPm.AddLineAsync(Project, new BudgetLine("03-300", "M", "Concrete", 130_000m), ct);
                    Say("The budget is locked: lines cannot change any more, only budget changes.");
                    await asPm.LockAsync(Project, ct);
                }
                else if (existing.Status == BudgetStatus.Synced)
                {
                    Say($"{Project} is already synced with the ERP: [bold]{Markup.Escape(pmUser.Name)}[/] adds a budget change (update after sync).");
                    await asPm.AddChangeAsync(Project, new BudgetChange($"CO-{existing.Changes.Count + 1}", "03-300", "M", 5_000m, "Extra concrete"), ct);
                }
                else
                {
                    throw new CliException(ExitCodes.Refused, $"{Project} is {existing.Status}; the demo starts from a new or a synced budget.");
                }

                Say("It is sent to ERP Integrations: every approver of the company now sees it waiting.");
                await asPm.SendAsync(Project, ct);
                var sent = await asPm.GetBudgetAsync(Project, ct);
                Say($"[bold]{Markup.Escape(approverUser.Name)}[/] (approver) accepts submission {sent.Submission}: the ERP gateway exports it, one call at a time per ERP company.");
                await asApprover.AcceptAsync(Project, sent.Submission, ct);
                var done = await WaitForExportAsync(asPm, ct);
                Say(done.Status == BudgetStatus.Synced
                    ? $"The ERP answered: {Project} is [green]Synced[/] (original {Output.Money(done.TotalOriginal)}, revised {Output.Money(done.TotalRevised)})."
                    : $"The ERP refused the export: {Project} is [red]{done.Status}[/] ({Markup.Escape(done.LastError?.Text ?? "")}).");
                if (!session.Output.IsJson)
                {
                    BudgetCommands.Print(console, done);
                }

                session.Output.Done($"Demo finished: {Project} is {done.Status}. See its history with: budgetctl budget history {Project}");
            }
            finally
            {
                // Not cancellable: tokens the demo made for itself must not outlive it, Ctrl+C or not.
                await session.Api.RevokeTokenAsync(pmToken.Info.TokenId, CancellationToken.None);
                await session.Api.RevokeTokenAsync(approverToken.Info.TokenId, CancellationToken.None);
            }
        });
        return demo;
    }

    private static async Task<BudgetView?> TryGetAsync(BudgetApi api, CancellationToken cancellationToken)
    {
        try
        {
            return await api.GetBudgetAsync(Project, cancellationToken);
        }
        catch (WorkflowException refusal) when (refusal.Code == WorkflowErrorCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Exports take a while (the ERP is remote); the budget shows Exporting until the ERP answers.</summary>
    private static async Task<BudgetView> WaitForExportAsync(BudgetApi api, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var view = await api.GetBudgetAsync(Project, cancellationToken);
            if (view.Status is not BudgetStatus.Exporting and not BudgetStatus.PendingAcceptance)
            {
                return view;
            }

            if (started.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new CliException(ExitCodes.Unavailable, $"The export of {Project} has not finished after a minute; see budgetctl erp queue.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }
}
