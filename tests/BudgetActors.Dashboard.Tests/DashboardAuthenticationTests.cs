using System.Net;
using System.Text.Json;

namespace BudgetActors.Dashboard.Tests;

public sealed class DashboardAuthenticationTests
{
    /// <summary>The Orleans dashboard's JSON endpoints the tests knock on (its pages poll these).</summary>
    private static readonly string[] s_orleansApi = ["orleans/DashboardCounters", "orleans/ClusterStats", "orleans/TopGrainMethods", "orleans/Reminders", "orleans/version", "orleans/index.min.js"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_login_every_json_and_event_stream_answers_401_and_every_page_goes_to_the_login_page()
    {
        await using var silo = await DashboardSilo.StartAsync();
        using var http = silo.NewHttpClient();

        // Our pages' figures, once and as a stream, and the Orleans dashboard's API.
        foreach (var name in DashboardPages.Names)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"api/{name}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"api/{name}/stream", Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/session", Ct)).StatusCode);
        foreach (var path in s_orleansApi)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(path, Ct)).StatusCode);
        }

        // Every page, ours and the Orleans dashboard's, sends a browser to log in.
        foreach (var name in DashboardPages.Names.Prepend("").Append("orleans/").Append("orleans/index.html"))
        {
            var page = await http.GetAsync(name, Ct);
            Assert.Equal((HttpStatusCode.Redirect, "/dashboard/login"), (page.StatusCode, page.Headers.Location?.OriginalString));
        }

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("login", Ct)).StatusCode);

        // A made-up session cookie is no session.
        var cookies = new CookieContainer();
        cookies.Add(silo.DashboardUrl, new Cookie(DashboardEndpointRouteBuilderExtensions.SessionCookie, "made-up", "/dashboard"));
        using var forged = silo.NewHttpClient(cookies);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("api/workflow", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("orleans/DashboardCounters", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_credential_gets_no_session()
    {
        await using var silo = await DashboardSilo.StartAsync();
        var cookies = new CookieContainer();
        using var http = silo.NewHttpClient(cookies);

        var wrongPassword = await silo.LogInAsync(http, password: "not-the-password");
        var wrongUser = await silo.LogInAsync(http, user: "admin");

        Assert.Equal("login?failed=1", wrongPassword.Headers.Location?.OriginalString);
        Assert.Equal("login?failed=1", wrongUser.Headers.Location?.OriginalString);
        Assert.Empty(cookies.GetAllCookies());
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/erp", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_login_sets_an_HttpOnly_cookie_that_opens_our_pages_and_the_orleans_dashboard_until_logout()
    {
        await using var silo = await DashboardSilo.StartAsync();
        var cookies = new CookieContainer();
        using var http = silo.NewHttpClient(cookies);

        var login = await silo.LogInAsync(http);
        Assert.Equal(HttpStatusCode.SeeOther, login.StatusCode);
        Assert.Equal("./", login.Headers.Location?.OriginalString);
        var setCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/dashboard", setCookie, StringComparison.OrdinalIgnoreCase);

        var entry = await http.GetAsync("", Ct);
        Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
        Assert.Contains("src=\"orleans/\"", await entry.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", entry.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var orleans = await http.GetAsync("orleans/", Ct);
        Assert.Equal(HttpStatusCode.OK, orleans.StatusCode);
        Assert.Contains("frame-ancestors 'self'", orleans.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        // The cluster's figures (its hosts are filled in at the dashboard grain's first refresh, one counter interval in).
        using (var counters = JsonDocument.Parse(await http.GetStringAsync("orleans/DashboardCounters", Ct)))
        {
            Assert.Equal(JsonValueKind.Array, counters.RootElement.GetProperty("hosts").ValueKind);
        }

        // The trace page would stream the silo's logs: it is off.
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("orleans/Trace", Ct)).StatusCode);

        using (var stream = await http.GetAsync("api/workflow/stream", HttpCompletionOption.ResponseHeadersRead, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
            Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
            using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(Ct));
            Assert.Equal("event: workflow", await reader.ReadLineAsync(Ct));
            Assert.StartsWith("data: {", await reader.ReadLineAsync(Ct));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await http.PostAsync("logout", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/workflow", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("orleans/DashboardCounters", Ct)).StatusCode);
    }

    [Fact]
    public async Task Behind_a_reverse_proxy_base_path_the_cookie_and_redirects_stay_under_it()
    {
        await using var silo = await DashboardSilo.StartAsync(pathBase: "/ops");
        var cookies = new CookieContainer();
        using var http = silo.NewHttpClient(cookies);
        Assert.EndsWith("/ops/dashboard/", silo.DashboardUrl.AbsolutePath);

        var bare = await http.GetAsync(new Uri(silo.Root, "dashboard"), Ct);
        Assert.Equal("/ops/dashboard/login", bare.Headers.Location?.OriginalString);
        var login = await silo.LogInAsync(http);

        Assert.Contains("path=/ops/dashboard", Assert.Single(login.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/erp", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("orleans/DashboardCounters", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("", Ct)).StatusCode);
        Assert.Equal(new Uri(silo.DashboardUrl, ""), new Uri(new Uri(silo.Root, "dashboard"), (await http.GetAsync(new Uri(silo.Root, "dashboard"), Ct)).Headers.Location!));
    }

    [Fact]
    public async Task After_five_wrong_credentials_an_address_is_refused_even_the_right_one_and_told_when_to_retry()
    {
        await using var silo = await DashboardSilo.StartAsync();
        var cookies = new CookieContainer();
        using var http = silo.NewHttpClient(cookies);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("login?failed=1", (await silo.LogInAsync(http, password: $"guess-{i}")).Headers.Location?.OriginalString);
        }

        var right = await silo.LogInAsync(http);
        Assert.Equal(HttpStatusCode.SeeOther, right.StatusCode);
        Assert.Equal("login?throttled=1", right.Headers.Location?.OriginalString);
        Assert.InRange(right.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
        Assert.Empty(cookies.GetAllCookies());
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("orleans/DashboardCounters", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_login_or_logout_posted_by_another_site_is_refused()
    {
        await using var silo = await DashboardSilo.StartAsync();
        var cookies = new CookieContainer();
        using var http = silo.NewHttpClient(cookies);

        using var forged = new HttpRequestMessage(HttpMethod.Post, "login") { Content = new FormUrlEncodedContent([new("user", DashboardSilo.User), new("password", DashboardSilo.Password)]) };
        forged.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(forged, Ct)).StatusCode);
        Assert.Empty(cookies.GetAllCookies());

        await silo.LogInAsync(http);
        using var logout = new HttpRequestMessage(HttpMethod.Post, "logout");
        logout.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(logout, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/workflow", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_dashboard_with_a_port_of_its_own_answers_there_and_not_on_the_other_port()
    {
        var port = DashboardSilo.FreePort();
        await using var silo = await DashboardSilo.StartAsync(dashboardPort: port);
        Assert.Equal(port, silo.DashboardUrl.Port);
        using var http = silo.NewHttpClient();

        Assert.Equal(HttpStatusCode.SeeOther, (await silo.LogInAsync(http)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/workflow", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("orleans/DashboardCounters", Ct)).StatusCode);
        Assert.NotEqual(port, silo.Root.Port);
        // The session cookie goes to every port of the host: the other port must refuse it itself.
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(silo.Root, "dashboard/login"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(silo.Root, "dashboard/api/workflow"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(silo.Root, "dashboard/orleans/DashboardCounters"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(silo.Root, "healthz"), Ct)).StatusCode);
    }
}
