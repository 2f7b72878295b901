using System.Text.RegularExpressions;

namespace BudgetActors.Cli.Tests;

/// <summary>The README's quick start, run as written: the two commands, and every budgetctl line it shows.</summary>
public sealed partial class ReadmeQuickStartTests(EmbeddedSilo silo) : IClassFixture<EmbeddedSilo>
{
    [Fact]
    public async Task Every_budgetctl_line_of_the_quick_start_works_against_the_silo_it_says_to_start()
    {
        var quickStart = QuickStart();
        Assert.Contains("dotnet run --project silo\n", quickStart, StringComparison.Ordinal);
        Assert.Contains("scripts/test.sh\n", quickStart, StringComparison.Ordinal);
        // budgetctl calls the REST API the silo serves by default; the old grain gateway setting must be gone.
        Assert.Contains("export BUDGETACTORS_URL=http://127.0.0.1:8080 BUDGETACTORS_TOKEN=<the admin token it printed>\n", quickStart, StringComparison.Ordinal);
        Assert.DoesNotContain("GATEWAY", quickStart, StringComparison.Ordinal);

        var lines = BudgetctlLine().Matches(quickStart).Select(m => m.Groups["args"].Value.Trim()).ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var result = await silo.Budgetctl.RunAsync(silo.TokenOf("admin"), line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.True(result.ExitCode == 0, $"budgetctl {line}: {result}");
        }
    }

    /// <summary>The README's "Quick start" section, up to the next heading.</summary>
    private static string QuickStart()
    {
        var readme = File.ReadAllText(Path.Combine(BudgetActors.Testing.SiloProcess.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("## Quick start", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return readme[start..end].Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    // "dotnet run --project client/budgetctl -- <args>   # comment"
    [GeneratedRegex(@"^dotnet run --project client/budgetctl -- (?<args>[^#\n]+)", RegexOptions.Multiline)]
    private static partial Regex BudgetctlLine();
}
