using System.Diagnostics;
using BudgetActors.Testing;

namespace BudgetActors.Cli.Tests;

/// <summary>Runs budgetctl (built with this project) as its own process, as a user would, against one silo.</summary>
public sealed class Budgetctl(string gateway, string workingDirectory)
{
    public async Task<Result> RunAsync(string? token, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(SiloProcess.BuiltAssembly(Path.Combine("client", "budgetctl"), "budgetctl.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["BUDGETACTORS_GATEWAY"] = gateway;
        start.Environment.Remove("BUDGETACTORS_TOKEN");
        if (token is not null)
        {
            start.Environment["BUDGETACTORS_TOKEN"] = token;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>What a run printed and how it ended.</summary>
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
    }
}
