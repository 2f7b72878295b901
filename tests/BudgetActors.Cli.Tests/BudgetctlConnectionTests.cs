using System.Net.Http.Headers;
using System.Text.Json;
using BudgetActors.Testing;

namespace BudgetActors.Cli.Tests;

/// <summary>
/// Where budgetctl sends its requests and with which token (flags, environment, profile), and what each way
/// of failing exits with: a refusal 1, a setting it cannot use 2, no API 3, a token the API refuses 4.
/// </summary>
public sealed class BudgetctlConnectionTests(EmbeddedSilo silo) : IClassFixture<EmbeddedSilo>
{
    private Budgetctl Ctl => silo.Budgetctl;

    [Fact]
    public async Task The_url_comes_from_the_flag_then_BUDGETACTORS_URL_then_the_profile()
    {
        var (live, dead) = (Ctl.Url, DeadUrl());
        var viewer = silo.TokenOf("viewer");
        var deadProfile = WriteProfile("dead-url.json", dead, token: null);
        var liveProfile = WriteProfile("live-url.json", live, token: null);

        // The flag beats the variable, and the variable beats the profile, whichever of them is the live one.
        await ExpectAsync(0, Env(url: dead, token: viewer), "--url", live, "--profile", deadProfile, "company", "show");
        await ExpectAsync(3, Env(url: live, token: viewer), "--url", dead, "company", "show");
        await ExpectAsync(0, Env(url: live, token: viewer), "--profile", deadProfile, "company", "show");
        await ExpectAsync(3, Env(url: dead, token: viewer), "--profile", liveProfile, "company", "show");
        await ExpectAsync(0, Env(url: null, token: viewer), "--profile", liveProfile, "company", "show");

        // Without --profile, the profile is ~/.budgetctl/profile.json.
        var home = Directory.CreateDirectory(Path.Combine(silo.Directory, "home-with-profile")).FullName;
        Directory.CreateDirectory(Path.Combine(home, ".budgetctl"));
        File.Copy(liveProfile, Path.Combine(home, ".budgetctl", "profile.json"));
        await ExpectAsync(0, new Dictionary<string, string?> { ["BUDGETACTORS_TOKEN"] = viewer, ["HOME"] = home }, "company", "show");
    }

    [Fact]
    public async Task The_token_comes_from_the_flag_then_BUDGETACTORS_TOKEN_then_the_profile()
    {
        var (good, bad) = (silo.TokenOf("viewer"), "ba_not-a-real-token");

        await ExpectAsync(0, Env(url: Ctl.Url, token: bad), "--token", good, "company", "show");
        await ExpectAsync(4, Env(url: Ctl.Url, token: good), "--token", bad, "company", "show");
        await ExpectAsync(4, Env(url: Ctl.Url, token: bad), "--profile", WriteProfile("good-token.json", url: null, good), "company", "show");
        await ExpectAsync(0, Env(url: Ctl.Url, token: null), "--profile", WriteProfile("good-token-too.json", url: null, good), "company", "show");
    }

    [Fact]
    public async Task An_unreachable_url_exits_3_with_one_line_naming_it()
    {
        var dead = DeadUrl();

        var result = await ExpectAsync(3, Env(url: dead, token: silo.TokenOf("viewer")), "budget", "show", "tower-7");

        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"budgetctl: Cannot reach the BudgetActors API at {dead}/", line, StringComparison.Ordinal);
        var json = await ExpectAsync(3, Env(url: dead, token: silo.TokenOf("viewer")), "budget", "show", "tower-7", "--json");
        Assert.Equal((false, "Unavailable"), Outcome(json));
    }

    [Fact]
    public async Task A_url_where_the_api_is_not_exits_3_asking_whether_the_url_is_right()
    {
        var result = await ExpectAsync(3, Env(url: Ctl.Url + "/not-here", token: silo.TokenOf("viewer")), "company", "show");

        Assert.Contains("is not the BudgetActors API", result.Error, StringComparison.Ordinal);
        Assert.Contains("--url", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_that_is_wrong_or_revoked_exits_4()
    {
        var issued = await ExpectAsync(0, Env(url: Ctl.Url, token: silo.TokenOf("admin")), "user", "token", "--user", "viewer", "--name", "revoked by the test", "--json");
        var token = JsonDocument.Parse(issued.Output).RootElement;
        var (secret, tokenId) = (token.GetProperty("token").GetString()!, token.GetProperty("info").GetProperty("tokenId").GetString()!);
        await ExpectAsync(0, Env(url: Ctl.Url, token: secret), "company", "show");

        await RevokeAsync(tokenId);

        var revoked = await ExpectAsync(4, Env(url: Ctl.Url, token: secret), "company", "show");
        Assert.Contains("unknown or revoked token", revoked.Error, StringComparison.Ordinal);
        var wrong = await ExpectAsync(4, Env(url: Ctl.Url, token: "ba_wrong"), "company", "show", "--json");
        Assert.Equal((false, "Unauthorized"), Outcome(wrong));
    }

    [Fact]
    public async Task A_refusal_exits_1_with_the_workflow_code_of_the_problem_the_api_answered()
    {
        var pm = silo.TokenOf("pm");
        await ExpectAsync(0, Env(url: Ctl.Url, token: silo.TokenOf("admin")), "company", "link", "--project", "refused", "--job", "24-003");
        await ExpectAsync(0, Env(url: Ctl.Url, token: pm), "budget", "create", "refused");

        var notLocked = await ExpectAsync(1, Env(url: Ctl.Url, token: pm), "budget", "send", "refused");
        Assert.StartsWith("budgetctl: refused (NotLocked): ", notLocked.Error, StringComparison.Ordinal);
        var notFound = await ExpectAsync(1, Env(url: Ctl.Url, token: pm), "budget", "show", "no-such-project", "--json");
        Assert.Equal((false, "NotFound"), Outcome(notFound));
        Assert.StartsWith("budgetctl: refused (NotFound): ", notFound.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_settings_of_the_grain_call_budgetctl_exit_2_and_say_to_use_the_url()
    {
        var viewer = silo.TokenOf("viewer");

        var flag = await ExpectAsync(2, Env(url: Ctl.Url, token: viewer), "--gateway", "127.0.0.1:11111", "company", "show");
        Assert.Contains("--url", flag.Error, StringComparison.Ordinal);
        var variable = await ExpectAsync(2, new Dictionary<string, string?> { ["BUDGETACTORS_GATEWAY"] = "127.0.0.1:11111", ["BUDGETACTORS_TOKEN"] = viewer }, "company", "show");
        Assert.Contains("BUDGETACTORS_URL", variable.Error, StringComparison.Ordinal);
        var profile = Write("gateway-profile.json", $$"""{ "gateway": "127.0.0.1:11111", "token": "{{viewer}}" }""");
        var fromProfile = await ExpectAsync(2, Env(url: null, token: null), "--profile", profile, "company", "show");
        Assert.Contains("\"url\"", fromProfile.Error, StringComparison.Ordinal);

        // Set alongside a URL, the old variable is ignored: the URL says where to go.
        await ExpectAsync(0, new Dictionary<string, string?> { ["BUDGETACTORS_GATEWAY"] = "127.0.0.1:11111", ["BUDGETACTORS_URL"] = Ctl.Url, ["BUDGETACTORS_TOKEN"] = viewer }, "company", "show");
        await ExpectAsync(2, Env(url: "127.0.0.1:8080", token: viewer), "company", "show"); // a gateway-style value where a URL belongs
    }

    [Fact]
    public async Task Help_describes_the_url_setting_and_no_gateway()
    {
        var help = await ExpectAsync(0, Env(url: null, token: null), "--help");

        Assert.Contains("--url", help.Output, StringComparison.Ordinal);
        Assert.Contains("$BUDGETACTORS_URL", help.Output, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:8080", help.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("gateway", help.Output, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<Budgetctl.Result> ExpectAsync(int exitCode, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var result = await Ctl.RunWithAsync(environment, args);
        Assert.True(result.ExitCode == exitCode, $"budgetctl {string.Join(' ', args)} should exit {exitCode}: {result}");
        return result;
    }

    private static Dictionary<string, string?> Env(string? url, string? token) =>
        new() { ["BUDGETACTORS_URL"] = url, ["BUDGETACTORS_TOKEN"] = token };

    private static (bool Ok, string? Code) Outcome(Budgetctl.Result result)
    {
        var outcome = JsonDocument.Parse(result.Output).RootElement;
        return (outcome.GetProperty("ok").GetBoolean(), outcome.GetProperty("code").GetString());
    }

    /// <summary>An address nothing listens on: a port the system just handed out and took back.</summary>
    private static string DeadUrl() => $"http://127.0.0.1:{SiloProcess.FreePort()}";

    /// <summary>Revokes a token the way a client app would, over the API as the company admin.</summary>
    private async Task RevokeAsync(string tokenId)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(silo.ApiUrl, $"api/v1/companies/demo/tokens/{Uri.EscapeDataString(tokenId)}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", silo.TokenOf("admin"));
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"DELETE {request.RequestUri}: {(int)response.StatusCode}");
    }

    private string WriteProfile(string name, string? url, string? token) =>
        Write(name, JsonSerializer.Serialize(new Dictionary<string, string?> { ["url"] = url, ["token"] = token }));

    private string Write(string name, string content)
    {
        var path = Path.Combine(silo.Directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
