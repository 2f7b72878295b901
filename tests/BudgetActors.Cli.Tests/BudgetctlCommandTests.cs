using System.Text.Json;

namespace BudgetActors.Cli.Tests;

/// <summary>The rest of budgetctl's commands, each through the embedded silo, as the people of the demo company.</summary>
public sealed class BudgetctlCommandTests(EmbeddedSilo silo) : IClassFixture<EmbeddedSilo>
{
    private Budgetctl Ctl => silo.Budgetctl;

    [Fact]
    public async Task Company_settings_and_the_directory_are_changed_by_the_admin_only()
    {
        var admin = silo.TokenOf("admin");
        await OkAsync(admin, "company", "set-digest", "--time", "06:30", "--time-zone", "America/Denver");
        await OkAsync(admin, "company", "set-erp", "--erp", "Spectrum", "--code", "001");
        var settings = (await JsonAsync(admin, "company", "show", "--json")).GetProperty("settings");
        Assert.Equal(("06:30:00", "America/Denver"), (settings.GetProperty("digestTime").GetString(), settings.GetProperty("timeZoneId").GetString()));

        await OkAsync(admin, "user", "add", "--user", "est", "--name", "Eve Estimator", "--email", "eve@demo.test", "--budget-tool", "Standard");
        await OkAsync(admin, "user", "update", "--user", "est", "--erp-tool", "ReadOnly");
        var eve = (await JsonAsync(admin, "user", "list", "--json")).EnumerateArray().Single(u => u.GetProperty("userId").GetString() == "est");
        Assert.Equal(("Standard", "ReadOnly"), (eve.GetProperty("budgetTool").GetString(), eve.GetProperty("erpTool").GetString()));

        var issued = await Ctl.RunAsync(admin, "user", "token", "--user", "est");
        Assert.Equal(0, issued.ExitCode);
        var token = issued.Output.Trim();
        Assert.StartsWith("ba_", token, StringComparison.Ordinal);
        Assert.Equal("demo", (await JsonAsync(token, "company", "show", "--json")).GetProperty("companyId").GetString());

        var refused = await Ctl.RunAsync(silo.TokenOf("pm"), "user", "add", "--user", "x", "--email", "x@demo.test");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("(PermissionDenied)", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_previews_then_keeps_the_erp_estimates_of_the_parking_deck()
    {
        var pm = silo.TokenOf("pm");
        await OkAsync(pm, "budget", "create", "parking-deck");
        await OkAsync(pm, "budget", "line", "add", "parking-deck", "--cost-code", "01-100", "--category", "L", "--description", "General", "--amount", "1000");

        var preview = await JsonAsync(pm, "budget", "import", "parking-deck", "--mode", "Keep", "--preview", "--json");
        Assert.Equal(1000m, preview.GetProperty("currentBudgetTotal").GetDecimal());
        Assert.True(preview.GetProperty("currentErpTotal").GetDecimal() > 0);
        Assert.Equal(0, (await JsonAsync(pm, "budget", "show", "parking-deck", "--json")).GetProperty("lines").GetArrayLength() - 1); // the preview changed nothing

        await OkAsync(pm, "budget", "import", "parking-deck", "--mode", "Keep");
        var view = await JsonAsync(pm, "budget", "show", "parking-deck", "--json");
        Assert.Equal(preview.GetProperty("newTotal").GetDecimal(), view.GetProperty("totalOriginal").GetDecimal());
        Assert.Contains(view.GetProperty("lines").EnumerateArray(), l => l.GetProperty("costCode").GetString() == "01-100");
    }

    [Fact]
    public async Task A_refused_export_is_listed_as_failed_retried_and_the_budget_history_tells_the_story()
    {
        var (admin, pm, ap) = (silo.TokenOf("admin"), silo.TokenOf("pm"), silo.TokenOf("ap1"));
        await OkAsync(admin, "company", "link", "--project", "warehouse", "--job", "24-003"); // a closed job: the ERP refuses postings
        await OkAsync(pm, "budget", "create", "warehouse");
        await OkAsync(pm, "budget", "line", "add", "warehouse", "--cost-code", "01-100", "--category", "L", "--description", "Demolition", "--amount", "900");
        await OkAsync(pm, "budget", "lock", "warehouse");
        await OkAsync(pm, "budget", "send", "warehouse");
        await OkAsync(pm, "budget", "retrieve", "warehouse");
        await OkAsync(pm, "budget", "unlock", "warehouse");
        await OkAsync(pm, "budget", "line", "remove", "warehouse", "--cost-code", "01-100", "--category", "L");
        await OkAsync(pm, "budget", "line", "add", "warehouse", "--cost-code", "01-100", "--category", "L", "--description", "Demolition", "--amount", "950");
        await OkAsync(pm, "budget", "lock", "warehouse");
        await OkAsync(pm, "budget", "change", "add", "warehouse", "--id", "CO-1", "--cost-code", "01-100", "--category", "L", "--amount", "50");
        await OkAsync(pm, "budget", "send", "warehouse");
        await OkAsync(ap, "erp", "accept", "warehouse");

        var failed = await EventuallyAsync(ap, ["erp", "failed", "--json"], list => list.EnumerateArray().Any(f => f.GetProperty("projectId").GetString() == "warehouse"));
        var item = failed.EnumerateArray().Single(f => f.GetProperty("projectId").GetString() == "warehouse");
        Assert.Equal(1000m, item.GetProperty("total").GetDecimal());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("error").GetProperty("text").GetString()));

        await OkAsync(ap, "erp", "retry", "warehouse");
        await EventuallyAsync(pm, ["budget", "show", "warehouse", "--json"], v => v.GetProperty("status").GetString() == "ExportFailed");
        var queue = await JsonAsync(pm, "erp", "queue", "--json");
        Assert.Equal("spectrum:001", queue.GetProperty("gateway").GetString());

        var history = await JsonAsync(pm, "budget", "history", "warehouse", "--json");
        var actions = history.EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToList();
        Assert.Contains("Retrieved", string.Join(",", actions), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Unlocked", string.Join(",", actions), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain((await JsonAsync(pm, "erp", "synced", "--json")).EnumerateArray(), v => v.GetProperty("projectId").GetString() == "warehouse");
    }

    private async Task OkAsync(string token, params string[] args)
    {
        var result = await Ctl.RunAsync(token, args);
        Assert.True(result.ExitCode == 0, $"budgetctl {string.Join(' ', args)}: {result}");
    }

    private async Task<JsonElement> JsonAsync(string token, params string[] args)
    {
        var result = await Ctl.RunAsync(token, args);
        Assert.True(result.ExitCode == 0, $"budgetctl {string.Join(' ', args)}: {result}");
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    /// <summary>Asks again until the answer shows what the export (run by the silo on its own) leads to.</summary>
    private async Task<JsonElement> EventuallyAsync(string token, string[] args, Func<JsonElement, bool> done)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var answer = await JsonAsync(token, args);
            if (done(answer))
            {
                return answer;
            }

            Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), $"budgetctl {string.Join(' ', args)} still answers {answer}");
        }
    }
}
