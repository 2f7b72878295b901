using System.CommandLine;
using Spectre.Console;

namespace BudgetActors.Cli.Commands;

/// <summary><c>budgetctl company show|set-erp|set-digest</c>.</summary>
internal static class CompanyCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var company = new Command("company", "The company of your token: its ERP, digest time, people and projects");

        var show = new Command("show", "Show the company's settings, directory and project links");
        show.Runs(output, error, async (session, ct) =>
        {
            var view = await session.Api.GetCompanyAsync(ct);
            session.Output.Show(view, Print);
        });

        var erp = new Option<ErpSystem>("--erp") { Description = "Spectrum or Vista", Required = true };
        var code = Arguments.Required("--code", "The ERP company code (Spectrum 001, Vista JCCo 1)");
        var setErp = new Command("set-erp", "Set which ERP company the company's budgets go to") { erp, code };
        setErp.Runs(output, error, async (session, ct) =>
        {
            var current = (await session.Api.GetCompanyAsync(ct)).Settings;
            await session.Api.ConfigureCompanyAsync(new CompanySettings(session.Get(erp), session.Get(code), current?.TimeZoneId ?? "America/Chicago", current?.DigestTime ?? new TimeOnly(7, 0)), ct);
            session.Output.Done($"Budgets now go to {session.Get(erp)} company {session.Get(code)}.");
        });

        var time = new Option<TimeOnly>("--time") { Description = "Local time of the daily summary, HH:mm", Required = true };
        var zone = new Option<string?>("--time-zone") { Description = "IANA time zone (e.g. America/Chicago); default: unchanged" };
        var setDigest = new Command("set-digest", "Set when the daily ERP Integrations summary is sent") { time, zone };
        setDigest.Runs(output, error, async (session, ct) =>
        {
            var current = (await session.Api.GetCompanyAsync(ct)).Settings
                ?? throw new CliException(ExitCodes.Refused, "Set the company's ERP first (budgetctl company set-erp).");
            var settings = current with { DigestTime = session.Get(time), TimeZoneId = session.Get(zone) ?? current.TimeZoneId };
            await session.Api.ConfigureCompanyAsync(settings, ct);
            session.Output.Done($"The daily summary goes out at {settings.DigestTime:HH\\:mm} {settings.TimeZoneId}.");
        });

        var project = Arguments.Required("--project", "The project id (e.g. tower-7)");
        var job = Arguments.Required("--job", "The ERP job it is linked to (e.g. 24-001)");
        var notSynced = new Option<bool>("--not-synced") { Description = "The job is not synced yet (budgets cannot be sent until it is)" };
        var link = new Command("link", "Link a project to its ERP job (company admin)") { project, job, notSynced };
        link.Runs(output, error, async (session, ct) =>
        {
            await session.Api.LinkProjectAsync(new ProjectLink(session.Get(project), session.Get(job), JobSynced: !session.Get(notSynced)), ct);
            session.Output.Done($"Linked {session.Get(project)} to ERP job {session.Get(job)}.");
        });

        company.Subcommands.Add(show);
        company.Subcommands.Add(link);
        company.Subcommands.Add(setErp);
        company.Subcommands.Add(setDigest);
        return company;
    }

    private static void Print(IAnsiConsole console, CompanyView view)
    {
        console.MarkupLine(view.Settings is { } s
            ? $"[bold]{Markup.Escape(view.CompanyId)}[/]: {s.Erp} company {Markup.Escape(s.ErpCompanyCode)}, daily summary at {s.DigestTime:HH\\:mm} {Markup.Escape(s.TimeZoneId)}"
            : $"[bold]{Markup.Escape(view.CompanyId)}[/]: no ERP set yet");
        var projects = Output.Table("project", "ERP job", "job synced");
        foreach (var p in view.Projects)
        {
            projects.AddRow(Markup.Escape(p.ProjectId), Markup.Escape(p.ErpJob), p.JobSynced ? "yes" : "no");
        }

        console.Write(projects);
        UserCommands.Print(console, view.Users);
    }
}
