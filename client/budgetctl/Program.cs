using BudgetActors.Cli;

// budgetctl <area> <command> [options]: see `budgetctl --help`.
var parse = BudgetCtl.Create(Console.Out, Console.Error).Parse(args);
if (parse.Errors.Count > 0)
{
    // A command line budgetctl cannot understand exits 2 (a refusal by the workflow exits 1).
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync($"budgetctl: {error.Message}");
    }

    await Console.Error.WriteLineAsync("See budgetctl --help.");
    return ExitCodes.Usage;
}

return await parse.InvokeAsync();
