using System.CommandLine;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Spectre.Console;

namespace BudgetActors.Cli.Commands;

/// <summary>
/// <c>budgetctl budget load &lt;project&gt; --file lines.csv</c>: many lines at once. Every row is checked
/// first, against the file and against the budget; if any row is bad nothing is loaded and each bad row
/// is reported. Columns: cost_code, category, description, amount.
/// </summary>
internal static class LoadCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var project = Arguments.Project();
        var file = new Option<FileInfo>("--file") { Description = "CSV with a header: cost_code,category,description,amount", Required = true };
        var command = new Command("load", "Load many lines from a CSV file (all or nothing)") { project, file };
        command.Runs(output, error, async (session, ct) =>
        {
            var path = session.Get(file);
            if (!path.Exists)
            {
                throw new CliException(ExitCodes.Usage, $"{path.FullName} does not exist.");
            }

            var view = await session.Api.GetBudgetAsync(session.Get(project), ct);
            var (lines, errors) = Read(path, view);
            if (errors.Count > 0)
            {
                session.Output.Show(new LoadReport(session.Get(project), 0, errors), PrintErrors);
                throw new CliException(ExitCodes.Refused, $"{errors.Count} of the rows in {path.Name} cannot be loaded; nothing was loaded.");
            }

            await LoadAsync(session, session.Get(project), lines, ct);
            session.Output.Show(new LoadReport(session.Get(project), lines.Count, []), (console, r) =>
                console.MarkupLine($"[green]✓[/] Loaded {r.Loaded} lines into {Markup.Escape(r.Project)}."));
        });
        return command;
    }

    private static (List<BudgetLine> Lines, List<RowError> Errors) Read(FileInfo path, BudgetView view)
    {
        var lines = new List<BudgetLine>();
        var errors = new List<RowError>();
        var seen = view.Lines.Select(l => (l.CostCode, l.Category)).ToHashSet();
        using var reader = new StreamReader(path.FullName);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, MissingFieldFound = null });
        if (!csv.Read() || !csv.ReadHeader())
        {
            errors.Add(new RowError(0, "The file is empty: it needs a header cost_code,category,description,amount."));
            return (lines, errors);
        }

        var missing = new[] { "cost_code", "category", "description", "amount" }.Where(h => !csv.HeaderRecord!.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new RowError(0, $"The header lacks {string.Join(", ", missing)}."));
            return (lines, errors);
        }

        for (var row = 1; csv.Read(); row++)
        {
            var costCode = csv.GetField("cost_code") ?? "";
            var category = csv.GetField("category") ?? "";
            var description = csv.GetField("description") ?? "";
            var amountText = csv.GetField("amount") ?? "";
            var problems = new List<string>();
            if (costCode.Length == 0)
            {
                problems.Add("cost_code is empty");
            }

            if (category.Length == 0)
            {
                problems.Add("category is empty");
            }

            if (!decimal.TryParse(amountText, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            {
                problems.Add($"amount '{amountText}' is not a number");
            }
            else if (amount < 0 || decimal.Round(amount, 2) != amount)
            {
                problems.Add($"amount {amountText} must be zero or more, with two decimals at most");
            }

            if (costCode.Length > 0 && category.Length > 0 && !seen.Add((costCode, category)))
            {
                problems.Add($"{costCode}/{category} is already on the budget or earlier in the file");
            }

            if (problems.Count > 0)
            {
                errors.Add(new RowError(row, string.Join("; ", problems)));
            }
            else
            {
                lines.Add(new BudgetLine(costCode, category, description.Length == 0 ? costCode : description, amount));
            }
        }

        return (lines, errors);
    }

    /// <summary>Adds the lines with a progress bar; if the budget refuses one, the lines added before it are taken out again.</summary>
    private static async Task LoadAsync(Session session, string project, List<BudgetLine> lines, CancellationToken cancellationToken)
    {
        var added = new List<BudgetLine>();
        try
        {
            if (session.Output.IsJson)
            {
                foreach (var line in lines)
                {
                    await session.Api.AddLineAsync(project, line, cancellationToken);
                    added.Add(line);
                }

                return;
            }

            await session.Output.Console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Loading lines", maxValue: lines.Count);
                foreach (var line in lines)
                {
                    await session.Api.AddLineAsync(project, line, cancellationToken);
                    added.Add(line);
                    task.Increment(1);
                }
            });
        }
        catch (WorkflowException)
        {
            foreach (var line in added)
            {
                await session.Api.RemoveLineAsync(project, line.CostCode, line.Category, cancellationToken);
            }

            throw;
        }
    }

    private static void PrintErrors(IAnsiConsole console, LoadReport report)
    {
        var table = Output.Table("row", "problem");
        foreach (var e in report.Errors)
        {
            table.AddRow(e.Row.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Message));
        }

        console.Write(table);
    }
}
