using System.CommandLine;
using Spectre.Console;

namespace BudgetActors.Cli.Commands;

/// <summary><c>budgetctl user add|update|list|token</c>: the company directory (changes need a company admin).</summary>
internal static class UserCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var user = new Command("user", "The company directory: people, their permissions, their tokens");
        user.Subcommands.Add(Save("add", "Add a person to the directory", output, error, mustExist: false));
        user.Subcommands.Add(Save("update", "Change a person's name, email or permissions", output, error, mustExist: true));

        var list = new Command("list", "List the people of the company");
        list.Runs(output, error, async (session, ct) =>
            session.Output.Show((await session.Api.GetCompanyAsync(ct)).Users, Print));
        user.Subcommands.Add(list);

        var id = Arguments.Required("--user", "The user id");
        var name = new Option<string?>("--name") { Description = "What the token is for (shown when tokens are listed)" };
        var token = new Command("token", "Issue a token for a person (printed once: keep it secret)") { id, name };
        token.Runs(output, error, async (session, ct) =>
        {
            var issued = await session.Api.IssueTokenAsync(session.Get(id), session.Get(name) ?? "issued with budgetctl", ct);
            session.Output.Show(issued, (console, i) => console.WriteLine(i.Token));
        });
        user.Subcommands.Add(token);
        return user;
    }

    private static Command Save(string verb, string description, TextWriter output, TextWriter error, bool mustExist)
    {
        var id = Arguments.Required("--user", "The user id");
        var name = new Option<string?>("--name") { Description = "Full name" };
        var email = new Option<string?>("--email") { Description = "Email address (daily summaries and notices go there)" };
        var budgetTool = new Option<ToolPermission?>("--budget-tool") { Description = "None, ReadOnly, Standard or Admin" };
        var erpTool = new Option<ToolPermission?>("--erp-tool") { Description = "None, ReadOnly, Standard or Admin on ERP Integrations" };
        var canPush = new Option<bool?>("--can-push") { Description = "The 'Can Push to Accounting' privilege (approvers)" };
        var digest = new Option<bool?>("--digest") { Description = "Subscribe to the ERP digest emails" };
        var admin = new Option<bool?>("--admin") { Description = "Company admin (may change the directory)" };
        var command = new Command(verb, description) { id, name, email, budgetTool, erpTool, canPush, digest, admin };
        command.Runs(output, error, async (session, ct) =>
        {
            var existing = await session.Api.FindUserAsync(session.Get(id), ct);
            if (mustExist && existing is null)
            {
                throw new WorkflowException(WorkflowErrorCode.NotFound, $"There is no user {session.Get(id)} to update; add them first.");
            }

            if (!mustExist && existing is not null)
            {
                throw new WorkflowException(WorkflowErrorCode.InvalidInput, $"{session.Get(id)} is already in the directory; use user update.");
            }

            var saved = new CompanyUser(
                session.Get(id),
                session.Get(name) ?? existing?.Name ?? session.Get(id),
                session.Get(email) ?? existing?.Email ?? throw new CliException(ExitCodes.Usage, "--email is required for a new user."),
                session.Get(budgetTool) ?? existing?.BudgetTool ?? ToolPermission.None,
                session.Get(erpTool) ?? existing?.ErpTool ?? ToolPermission.None,
                session.Get(canPush) ?? existing?.CanPushToAccounting ?? false,
                session.Get(digest) ?? existing?.SubscribedToDigest ?? false,
                session.Get(admin) ?? existing?.IsCompanyAdmin ?? false);
            await session.Api.SaveUserAsync(saved, ct);
            session.Output.Done($"{(mustExist ? "Updated" : "Added")} {saved.UserId}.");
        });
        return command;
    }

    internal static void Print(IAnsiConsole console, IReadOnlyList<CompanyUser> users)
    {
        var table = Output.Table("user", "name", "email", "budget tool", "ERP tool", "can push", "digest", "admin");
        foreach (var u in users)
        {
            table.AddRow(Markup.Escape(u.UserId), Markup.Escape(u.Name), Markup.Escape(u.Email), u.BudgetTool.ToString(), u.ErpTool.ToString(),
                u.CanPushToAccounting ? "yes" : "", u.SubscribedToDigest ? "yes" : "", u.IsCompanyAdmin ? "yes" : "");
        }

        console.Write(table);
    }
}
