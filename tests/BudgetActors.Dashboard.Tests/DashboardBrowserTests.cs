using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BudgetActors.ErpSimulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BudgetActors.Dashboard.Tests;

/// <summary>
/// The dashboard in a real headless Chromium (the machine's <c>/usr/bin/chromium</c>; no browser download)
/// against a running silo. Screenshots of each state land in <c>artifacts/</c> beside the test assembly.
/// </summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string s_artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium did not start.");

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install -y chromium (scripts/test.sh does it when run as root).");
        Directory.CreateDirectory(s_artifacts);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [Fact]
    public async Task An_operator_logs_in_and_the_overview_shows_live_figures_that_move_when_grains_are_called()
    {
        await using var silo = await DashboardSilo.StartAsync();
        await using var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();

        await LogInAsync(page, silo, screenshot: "login.png");

        var name = silo.App.Services.GetService(typeof(LocalSiloDetails)) is LocalSiloDetails details ? details.Name : "";
        await Expect(page.Locator("#silos")).ToContainTextAsync(name);
        await Expect(page.Locator("#silos")).ToContainTextAsync("Serving");
        await Expect(page.Locator("#silos")).ToContainTextAsync("(this silo)");
        await Expect(page.Locator("#total-silos")).ToHaveTextAsync("1 silo");
        var callsBefore = long.Parse(await page.Locator("#total-calls").TextContentAsync() ?? "0", CultureInfo.InvariantCulture);

        await silo.CallGrainsAsync(setups: 20);

        // Pushed over the event stream: no reload.
        await Expect(page.Locator("#total-calls")).Not.ToHaveTextAsync(callsBefore.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#top-calls")).ToContainTextAsync("ConfigureAsync");
        await Expect(page.Locator("#top-errors")).ToContainTextAsync("GetAsync");
        await Expect(page.Locator("#activations")).ToContainTextAsync("company");
        Assert.True(long.Parse(await page.Locator("#total-calls").TextContentAsync() ?? "0", CultureInfo.InvariantCulture) >= callsBefore + 21);
        await Expect(page.Locator("#chart-calls polyline")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Artifact("overview.png"), FullPage = true });

        // The Grains page: every method with its figures, activations per silo; the filter narrows the list.
        await page.ClickAsync("#nav-grains");
        await Expect(page).ToHaveURLAsync(new Uri(silo.DashboardUrl, "grains").ToString());
        await Expect(page.Locator("#methods")).ToContainTextAsync("ConfigureAsync");
        await Expect(page.Locator("#grain-types thead")).ToContainTextAsync(silo.App.Services.GetRequiredService<LocalSiloDetails>().Address!.Id);
        await Expect(page.Locator("#grain-types")).ToContainTextAsync("company");
        await page.FillAsync("#filter", "ConfigureAsync");
        await Expect(page.Locator("#methods tbody tr")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Artifact("grains.png"), FullPage = true });

        await page.ClickAsync("#logout");
        await Expect(page).ToHaveURLAsync(new Uri(silo.DashboardUrl, "login").ToString());
    }

    [Fact]
    public async Task A_browser_without_a_login_sees_only_the_login_page_and_a_wrong_password_is_told_so()
    {
        await using var silo = await DashboardSilo.StartAsync();
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var overview = await page.APIRequest.GetAsync(new Uri(silo.DashboardUrl, "api/overview").ToString());
        Assert.Equal(401, overview.Status);
        await page.GotoAsync(silo.DashboardUrl.ToString());
        await Expect(page).ToHaveURLAsync(new Uri(silo.DashboardUrl, "login").ToString());

        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("#login");

        await Expect(page.Locator("#failed")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Artifact("login-refused.png") });
        Assert.Empty(await context.CookiesAsync());
    }

    [Fact]
    public async Task An_operator_finds_reminders_of_real_grains_searches_them_and_pages_through_them()
    {
        await using var silo = await DashboardSilo.StartAsync();
        await silo.AddPendingApprovalsAsync(60);
        // Left by a grain type the silo no longer hosts: its ticks fail, so it stays overdue.
        var table = silo.App.Services.GetRequiredService<IReminderTable>();
        await table.UpsertAsync(new GrainId("retired-report", "acme:weekly"), "weekly", DateTimeOffset.UtcNow.AddHours(-3), TimeSpan.FromDays(7), TestContext.Current.CancellationToken);
        await using var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await LogInAsync(page, silo);

        await page.ClickAsync("#nav-reminders");

        var rows = page.Locator("#reminders tbody tr");
        await Expect(page.Locator("#page-info")).ToHaveTextAsync("page 1 of 2 · 61 reminders");
        await Expect(rows).ToHaveCountAsync(50);
        await Expect(rows.First).ToHaveClassAsync("overdue");
        await Expect(rows.First).ToContainTextAsync("retired-report");
        await Expect(rows.First).ToContainTextAsync("7 d");
        await Expect(rows.First).ToContainTextAsync("3 h ago · overdue");
        await Expect(rows.Nth(1)).ToContainTextAsync("approver");
        await Expect(rows.Nth(1)).ToContainTextAsync("daily-summary");
        await Expect(rows.Nth(1)).ToContainTextAsync("never");
        await Expect(rows.Nth(1).Locator("td").Nth(4)).ToContainTextAsync(" · in ");
        await Expect(page.Locator("#previous")).ToBeDisabledAsync();

        await page.FillAsync("#search", "AP-07");
        await Expect(page.Locator("#page-info")).ToHaveTextAsync("page 1 of 1 · 1 reminder match");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("acme:ap-07");
        await Expect(page).ToHaveURLAsync(new Uri(silo.DashboardUrl, "reminders?search=AP-07").ToString());
        await page.FillAsync("#search", "no such reminder");
        await Expect(rows.First).ToHaveTextAsync("no reminder matches the search");

        await page.FillAsync("#search", "");
        await Expect(page.Locator("#page-info")).ToHaveTextAsync("page 1 of 2 · 61 reminders");
        await page.ClickAsync("#next");
        await Expect(page.Locator("#page-info")).ToHaveTextAsync("page 2 of 2 · 61 reminders");
        await Expect(rows).ToHaveCountAsync(11);
        await Expect(page.Locator("#next")).ToBeDisabledAsync();
        await page.ClickAsync("#previous");
        await Expect(page.Locator("#page-info")).ToHaveTextAsync("page 1 of 2 · 61 reminders");
        await Expect(rows.First).ToContainTextAsync("retired-report");
        await page.ScreenshotAsync(new() { Path = Artifact("reminders.png"), FullPage = true });
    }

    /// <summary>Opens the dashboard, is sent to the login page, and logs in with the operator's password.</summary>
    private static async Task LogInAsync(IPage page, DashboardSilo silo, string? screenshot = null)
    {
        await page.GotoAsync(silo.DashboardUrl.ToString());
        await Expect(page).ToHaveURLAsync(new Uri(silo.DashboardUrl, "login").ToString());
        if (screenshot is not null)
        {
            await page.ScreenshotAsync(new() { Path = Artifact(screenshot) });
        }

        await page.FillAsync("#password", DashboardSilo.Password);
        await page.ClickAsync("#login");
        await Expect(page).ToHaveURLAsync(silo.DashboardUrl.ToString());
    }

    [Fact]
    public async Task The_workflow_page_follows_a_budget_sent_and_accepted_through_the_client_without_a_reload()
    {
        await using var silo = await DashboardSilo.StartAsync();
        await silo.SetUpCompanyAsync(DashboardSilo.Company, "001", ("tower-7", "24-001"));
        var page = await LoggedInPageAsync(silo, "workflow");
        var navigations = 0;
        page.FrameNavigated += (_, _) => navigations++;
        var acme = page.Locator("#budgets tbody tr", new() { HasText = DashboardSilo.Company }).Locator("td");
        await Expect(acme).ToHaveTextAsync([DashboardSilo.Company, "0", "0", "0", "0", "0", "0", "0"]);

        await silo.SendBudgetAsync(DashboardSilo.Company, "tower-7");

        await Expect(acme).ToHaveTextAsync([DashboardSilo.Company, "0", "0", "1", "0", "0", "0", "1"]);
        var pending = page.Locator("#pending tbody tr").First.Locator("td");
        await Expect(pending.Nth(1)).ToHaveTextAsync("tower-7");
        await Expect(pending.Nth(3)).ToHaveTextAsync("pm");

        await silo.AcceptAsync(DashboardSilo.Company, "tower-7");

        await Expect(acme).ToHaveTextAsync([DashboardSilo.Company, "0", "0", "0", "0", "1", "0", "1"]);
        await Expect(page.Locator("#pending tbody")).ToHaveTextAsync("none yet");
        var latest = page.Locator("#events tbody tr").First.Locator("td");
        await Expect(latest.Nth(2)).ToHaveTextAsync("tower-7");
        await Expect(latest.Nth(4)).ToHaveTextAsync("Exported (Exporting → Synced)");
        await Expect(page.Locator("#events tbody")).ToContainTextAsync("Sent to ERP Integrations (Locked → Pending acceptance)");
        await page.ScreenshotAsync(new() { Path = Artifact("workflow.png"), FullPage = true });
        Assert.Equal(0, navigations);
    }

    [Fact]
    public async Task An_outage_injected_in_the_erp_simulator_shows_on_the_erp_page_and_so_does_the_recovery_once_it_is_lifted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var simulator = await ErpSimulatorServer.StartAsync(SimulatorData.Demo(), ct);
        await using var silo = await DashboardSilo.StartAsync(simulator: simulator);
        await silo.SetUpCompanyAsync(DashboardSilo.Company, "001", ("tower-7", "24-001"));
        await silo.SendBudgetAsync(DashboardSilo.Company, "tower-7");
        var page = await LoggedInPageAsync(silo, "erp");
        var spectrum = page.Locator("#gateways tbody tr", new() { HasText = "spectrum:001" }).Locator("td");
        await Expect(spectrum.Nth(1)).ToHaveTextAsync(DashboardSilo.Company);
        await Expect(spectrum.Nth(8)).ToHaveTextAsync("closed");

        // Spectrum company 001 goes down, then the approver accepts: the export cannot get through.
        using var admin = new HttpClient { BaseAddress = simulator.BaseAddress };
        (await admin.PostAsJsonAsync("admin/companies/spectrum/001/outage", new { seconds = 600 }, ct)).EnsureSuccessStatusCode();
        await silo.AcceptAsync(DashboardSilo.Company, "tower-7");

        await Expect(spectrum.Nth(8)).ToHaveTextAsync("open");
        await Expect(spectrum.Nth(2)).ToHaveTextAsync("1");
        await Expect(spectrum.Nth(9)).ToContainTextAsync("503");
        Assert.True(int.Parse(await spectrum.Nth(7).TextContentAsync() ?? "0", CultureInfo.InvariantCulture) > 0, "retries");
        await page.ScreenshotAsync(new() { Path = Artifact("erp-outage.png"), FullPage = true });

        // The outage is lifted (the company's faults without it): the queued export goes through.
        var faults = JsonNode.Parse(await admin.GetStringAsync("admin/companies/spectrum/001/faults", ct))!;
        faults["outages"] = new JsonArray();
        using var lifted = new StringContent(faults.ToJsonString(), Encoding.UTF8, "application/json");
        (await admin.PutAsync("admin/companies/spectrum/001/faults", lifted, ct)).EnsureSuccessStatusCode();

        await Expect(spectrum.Nth(6)).ToHaveTextAsync("1");
        await Expect(spectrum.Nth(2)).ToHaveTextAsync("0");
        await Expect(spectrum.Nth(8)).ToHaveTextAsync("closed");
        await Expect(page.Locator("#failed tbody")).ToHaveTextAsync("none yet");
        await page.ScreenshotAsync(new() { Path = Artifact("erp.png"), FullPage = true });
        Assert.Equal(1, simulator.Erp.Companies.Single(c => c.Code == "001").Journal(tail: 0).PostingsApplied);
    }

    /// <summary>Logs in through the login page, then goes to <paramref name="name"/> through the navigation.</summary>
    private async Task<IPage> LoggedInPageAsync(DashboardSilo silo, string name)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await LogInAsync(page, silo);
        await page.ClickAsync("#nav-" + name);
        await Expect(page).ToHaveURLAsync(new Uri(silo.DashboardUrl, name).ToString());
        return page;
    }

    private static string Artifact(string name) => Path.Combine(s_artifacts, name);
}
