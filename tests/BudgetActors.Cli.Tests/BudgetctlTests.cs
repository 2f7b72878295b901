using System.Text.Json;

namespace BudgetActors.Cli.Tests;

/// <summary>The embedded silo driven only through budgetctl, the way a new user would.</summary>
public sealed class BudgetctlTests(EmbeddedSilo silo) : IClassFixture<EmbeddedSilo>
{
    private Budgetctl Ctl => silo.Budgetctl;

    [Fact]
    public async Task The_demo_takes_a_budget_from_creation_to_synced_and_a_second_run_sends_an_update()
    {
        var first = await Ctl.RunAsync(silo.TokenOf("admin"), "demo");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("tower-7 is Synced", first.Output, StringComparison.Ordinal);

        var second = await Ctl.RunAsync(silo.TokenOf("admin"), "demo");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("update after sync", second.Output, StringComparison.Ordinal);

        var view = await JsonAsync(silo.TokenOf("viewer"), "budget", "show", "tower-7", "--json");
        Assert.Equal("Synced", view.GetProperty("status").GetString());
        Assert.Equal(2, view.GetProperty("submission").GetInt32());
        Assert.Equal(160_000m, view.GetProperty("totalRevised").GetDecimal());
    }

    [Fact]
    public async Task Company_show_and_user_list_print_the_directory_as_json_shapes_scripts_can_rely_on()
    {
        var company = await JsonAsync(silo.TokenOf("pm"), "company", "show", "--json");
        Assert.Equal("demo", company.GetProperty("companyId").GetString());
        Assert.Equal("Spectrum", company.GetProperty("settings").GetProperty("erp").GetString());
        Assert.Contains(company.GetProperty("projects").EnumerateArray(), p => p.GetProperty("projectId").GetString() == "parking-deck");

        var users = await JsonAsync(silo.TokenOf("pm"), "user", "list", "--json");
        Assert.Equal(["admin", "pm", "ap1", "ap2", "viewer"], users.EnumerateArray().Select(u => u.GetProperty("userId").GetString()!).ToArray());
    }

    [Fact]
    public async Task A_refusal_exits_1_with_one_line_naming_the_workflow_code_and_changes_nothing()
    {
        var refused = await Ctl.RunAsync(silo.TokenOf("viewer"), "budget", "create", "parking-deck");

        Assert.Equal(1, refused.ExitCode);
        var line = Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("budgetctl: refused (PermissionDenied):", line, StringComparison.Ordinal);
        var json = await Ctl.RunAsync(silo.TokenOf("viewer"), "budget", "create", "parking-deck", "--json");
        var outcome = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal((false, "PermissionDenied"), (outcome.GetProperty("ok").GetBoolean(), outcome.GetProperty("code").GetString()));
        var show = await Ctl.RunAsync(silo.TokenOf("viewer"), "budget", "show", "parking-deck");
        Assert.Equal(1, show.ExitCode); // still no budget: nothing was created
    }

    [Theory]
    [InlineData(null, "No token")]
    [InlineData("ba_not-a-real-token", "unknown or revoked token")]
    public async Task A_missing_or_unknown_token_exits_4(string? token, string reason)
    {
        var result = await Ctl.RunAsync(token, "company", "show");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_file_supplies_the_token_when_no_flag_or_variable_does()
    {
        var profile = Write("profile.json", $$"""{ "token": "{{silo.TokenOf("viewer")}}" }""");

        var result = await Ctl.RunAsync(null, "--profile", profile, "company", "show", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("demo", JsonDocument.Parse(result.Output).RootElement.GetProperty("companyId").GetString());
        Assert.Equal(2, (await Ctl.RunAsync(null, "--profile", Write("broken.json", "{ not json"), "company", "show")).ExitCode);
    }

    [Fact]
    public async Task A_bad_command_line_exits_2()
    {
        Assert.Equal(2, (await Ctl.RunAsync(silo.TokenOf("pm"), "budget", "import", "tower-7", "--mode", "sideways")).ExitCode);
    }

    [Fact]
    public async Task The_csv_loader_loads_a_good_file_and_loads_nothing_from_a_file_with_a_bad_row()
    {
        var pm = silo.TokenOf("pm");
        await LinkAsync("loaded", "24-003");
        Assert.Equal(0, (await Ctl.RunAsync(pm, "budget", "create", "loaded")).ExitCode);

        var bad = Write("bad.csv", "cost_code,category,description,amount\n01-100,L,Labor,100.00\n03-300,M,Concrete,12.345\n01-100,L,Again,5\n,M,No code,1\n");
        var refused = await Ctl.RunAsync(pm, "budget", "load", "loaded", "--file", bad, "--json");
        Assert.Equal(1, refused.ExitCode);
        // --json prints the report, then the outcome: two JSON documents.
        var report = JsonDocument.Parse(refused.Output[..(refused.Output.IndexOf("\n}", StringComparison.Ordinal) + 2)]).RootElement;
        Assert.Equal([2, 3, 4], report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("row").GetInt32()).ToArray());
        Assert.Equal(0, (await JsonAsync(pm, "budget", "show", "loaded", "--json")).GetProperty("lines").GetArrayLength());

        var good = Write("good.csv", "cost_code,category,description,amount\n01-100,L,Labor,100.00\n03-300,M,Concrete,250.50\n05-100,S,Steel,0\n");
        var loaded = await Ctl.RunAsync(pm, "budget", "load", "loaded", "--file", good);
        Assert.True(loaded.ExitCode == 0, loaded.ToString());
        var view = await JsonAsync(pm, "budget", "show", "loaded", "--json");
        Assert.Equal(3, view.GetProperty("lines").GetArrayLength());
        Assert.Equal(350.50m, view.GetProperty("totalOriginal").GetDecimal());
    }

    [Fact]
    public async Task Lines_lock_send_reject_and_the_pending_list_through_budgetctl()
    {
        var (pm, ap) = (silo.TokenOf("pm"), silo.TokenOf("ap2"));
        await LinkAsync("clinic", "24-003"); // a job without estimates (24-001 gets them when the demo exports)
        Assert.Equal(0, (await Ctl.RunAsync(pm, "budget", "create", "clinic")).ExitCode);
        Assert.Equal(0, (await Ctl.RunAsync(pm, "budget", "line", "add", "clinic", "--cost-code", "01-100", "--category", "L", "--description", "Labor", "--amount", "1200")).ExitCode);
        Assert.Equal(0, (await Ctl.RunAsync(pm, "budget", "line", "update", "clinic", "--cost-code", "01-100", "--category", "L", "--description", "Labor", "--amount", "1500")).ExitCode);
        Assert.Equal(0, (await Ctl.RunAsync(pm, "budget", "lock", "clinic")).ExitCode);
        Assert.Equal(0, (await Ctl.RunAsync(pm, "budget", "send", "clinic")).ExitCode);

        var pending = await JsonAsync(ap, "erp", "pending", "--json");
        var item = Assert.Single(pending.EnumerateArray(), p => p.GetProperty("projectId").GetString() == "clinic");
        Assert.Equal(1500m, item.GetProperty("total").GetDecimal());

        Assert.Equal(0, (await Ctl.RunAsync(ap, "erp", "reject", "clinic", "--reason", "Split labor by trade")).ExitCode);
        var view = await JsonAsync(pm, "budget", "show", "clinic", "--json");
        Assert.Equal("Unlocked", view.GetProperty("status").GetString());
        await silo.WaitForMailAsync(mail => mail.Contains("Split labor by trade", StringComparison.Ordinal)); // the rejection notice
    }

    private async Task<JsonElement> JsonAsync(string token, params string[] args)
    {
        var result = await Ctl.RunAsync(token, args);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    /// <summary>Links a project to an ERP job as the company admin (the directory is the admin's).</summary>
    private async Task LinkAsync(string project, string job)
    {
        var result = await Ctl.RunAsync(silo.TokenOf("admin"), "company", "link", "--project", project, "--job", job);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(silo.Directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
