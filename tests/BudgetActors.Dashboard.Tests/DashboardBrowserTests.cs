using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BudgetActors.ErpSimulator;
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

    /// <summary>How long the Orleans dashboard may take to show a change: a silo joining, or its counters' next refresh.</summary>
    private static readonly LocatorAssertionsToContainTextOptions s_cluster = new() { Timeout = 60_000 };

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
    public async Task After_login_the_orleans_dashboard_shows_both_silos_of_a_two_silo_cluster_and_the_budget_grains_calls_moving()
    {
        await using var first = await DashboardSilo.StartAsync();
        await using var second = await DashboardSilo.StartAsync(primary: first);
        await first.SetUpCompanyAsync(DashboardSilo.Company, "001", ("tower-7", "24-001"));
        await using var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();

        await LogInAsync(page, first, screenshot: "login.png");

        // The entry page frames the Orleans dashboard under our navigation; the cluster view polls every second,
        // and the silos' figures are refreshed every counter interval (10 s by default).
        var orleans = page.FrameLocator("#orleans");
        await orleans.GetByRole(AriaRole.Link, new() { Name = "Silos", Exact = true }).ClickAsync();
        await Expect(orleans.Locator("body")).ToContainTextAsync(first.SiloEndpoint.ToString(), s_cluster);
        await Expect(orleans.Locator("body")).ToContainTextAsync(second.SiloEndpoint.ToString(), s_cluster);
        await page.ScreenshotAsync(new() { Path = Artifact("orleans-silos.png"), FullPage = true });

        // The budget grain's calls, counted by the silos it ran on, move as a client calls it.
        await orleans.GetByRole(AriaRole.Link, new() { Name = "Grains", Exact = true }).ClickAsync();
        await first.SendBudgetAsync(DashboardSilo.Company, "tower-7");
        var budget = orleans.Locator("tr", new() { HasText = "BudgetGrain" }).First;
        await Expect(budget).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var before = await budget.InnerTextAsync();
        await first.AsAsync(DashboardSilo.Company, "pm", async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await first.Budget(DashboardSilo.Company, "tower-7").GetAsync();
            }
        });
        await Expect(budget).Not.ToHaveTextAsync(before, new() { Timeout = 60_000 });
        await page.ScreenshotAsync(new() { Path = Artifact("orleans-grains.png"), FullPage = true });
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
