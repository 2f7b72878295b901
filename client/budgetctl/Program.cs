using BudgetActors.Cli;

// budgetctl <area> <command> [options]: see `budgetctl --help`.
return await BudgetCtl.Create(Console.Out, Console.Error).Parse(args).InvokeAsync();
