using System.Diagnostics;
using BudgetActors.Testing;

namespace BudgetActors.Cli.Tests;

/// <summary>Runs budgetctl (built with this project) as its own process, as a user would, against one silo's REST API.</summary>
public sealed class Budgetctl(Uri url, string workingDirectory)
{
    /// <summary>The settings budgetctl reads from the environment; every run starts with none of them but those it is given.</summary>
    private static readonly string[] s_variables = ["BUDGETACTORS_URL", "BUDGETACTORS_TOKEN", "BUDGETACTORS_GATEWAY"];

    /// <summary>The silo's REST API, as a user would write it (no trailing slash).</summary>
    public string Url { get; } = url.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>Runs with BUDGETACTORS_URL pointing at the silo and <paramref name="token"/> (if any) in BUDGETACTORS_TOKEN.</summary>
    public Task<Result> RunAsync(string? token, params string[] args) =>
        RunWithAsync(new Dictionary<string, string?> { ["BUDGETACTORS_URL"] = Url, ["BUDGETACTORS_TOKEN"] = token }, args);

    /// <summary>
    /// Runs with exactly the given environment variables of budgetctl's (null: not set), and a home folder of
    /// its own so that no ~/.budgetctl/profile.json of the machine's user takes part (give HOME to choose one).
    /// </summary>
    public async Task<Result> RunWithAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
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

        foreach (var variable in s_variables)
        {
            start.Environment.Remove(variable);
        }

        start.Environment["HOME"] = Directory.CreateDirectory(Path.Combine(workingDirectory, "home")).FullName;
        foreach (var (variable, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(variable);
            }
            else
            {
                start.Environment[variable] = value;
            }
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
