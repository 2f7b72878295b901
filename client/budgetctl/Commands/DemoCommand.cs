using System.CommandLine;
using BudgetActors.Client;
using Microsoft.Extensions.Options;
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
            var company = await session.CompanyAsync(ct);
            var view = await company.GetAsync();
            var pmUser = view.Users.FirstOrDefault(u => u.BudgetTool == ToolPermission.Admin && !u.IsCompanyAdmin)
                ?? throw new CliException(ExitCodes.Refused, "The directory has no project manager (Admin on the Budget tool).");
            var approverUser = view.Users.FirstOrDefault(u => u.CanPushToAccounting && u.ErpTool >= ToolPermission.Standard)
                ?? throw new CliException(ExitCodes.Refused, "The directory has no approver ('Can Push to Accounting' and Standard on ERP Integrations).");
            var pmToken = await company.IssueTokenAsync(pmUser.UserId, "budgetctl demo");
            var approverToken = await company.IssueTokenAsync(approverUser.UserId, "budgetctl demo");
            try
            {
                await using var pm = Connect(session, pmToken.Token);
                await using var approver = Connect(session, approverToken.Token);
                var caller = await session.CallerAsync(ct);
                var asPm = pm.GetGrain<IBudgetGrain>(BudgetKey.Of(caller.CompanyId, Project));
                var asApprover = approver.GetGrain<IBudgetGrain>(BudgetKey.Of(caller.CompanyId, Project));
                var step = 0;
                void Say(string text) => console.MarkupLine($"{++step}. {text}");

                var existing = await TryGetAsync(asPm);
                if (existing is null)
                {
                    Say($"[bold]{Markup.Escape(pmUser.Name)}[/] (project manager) creates the budget of {Project} and adds two lines.");
                    await asPm.CreateAsync();
                    await asPm.AddLineAsync(new BudgetLine("01-100", "L", "General conditions", 25_000m));
                    await asPm.AddLineAsync(new BudgetLine("03-300", "M", "Concrete", 130_000m));
                    Say("The budget is locked: lines cannot change any more, only budget changes.");
                    await asPm.LockAsync();
                }
                else if (existing.Status == BudgetStatus.Synced)
                {
                    Say($"{Project} is already synced with the ERP: [bold]{Markup.Escape(pmUser.Name)}[/] adds a budget change (update after sync).");
                    await asPm.AddChangeAsync(new BudgetChange($"CO-{existing.Changes.Count + 1}", "03-300", "M", 5_000m, "Extra concrete"));
                }
                else
                {
                    throw new CliException(ExitCodes.Refused, $"{Project} is {existing.Status}; the demo starts from a new or a synced budget.");
                }

                Say("It is sent to ERP Integrations: every approver of the company now sees it waiting.");
                await asPm.SendAsync();
                var sent = await asPm.GetAsync();
                Say($"[bold]{Markup.Escape(approverUser.Name)}[/] (approver) accepts submission {sent.Submission}: the ERP gateway exports it, one call at a time per ERP company.");
                await asApprover.AcceptAsync(sent.Submission);
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
                await company.RevokeTokenAsync(pmToken.Info.TokenId);
                await company.RevokeTokenAsync(approverToken.Info.TokenId);
            }
        });
        return demo;
    }

    private static ClusterClient Connect(Session session, string token)
    {
        var options = new ClusterClientOptions { Token = token };
        options.Gateways.Add(session.Gateway);
        return new ClusterClient(Options.Create(options));
    }

    private static async Task<BudgetView?> TryGetAsync(IBudgetGrain budget)
    {
        try
        {
            return await budget.GetAsync();
        }
        catch (WorkflowException refusal) when (refusal.Code == WorkflowErrorCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Exports take a while (the ERP is remote); the budget shows Exporting until the ERP answers.</summary>
    private static async Task<BudgetView> WaitForExportAsync(IBudgetGrain budget, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var view = await budget.GetAsync();
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
