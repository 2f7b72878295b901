using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;

namespace BudgetActors.Dashboard.Tests;

public sealed class DashboardAuthenticationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_login_the_json_and_event_stream_answer_401_and_pages_go_to_the_login_page()
    {
        await using var silo = await DashboardSilo.StartAsync();
        using var http = silo.NewHttpClient();

        await silo.AddPendingApprovalsAsync(1);

        // Every page's figures, once and as a stream; every page sends a browser to log in.
        foreach (var name in DashboardPages.Names.Prepend("overview"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"api/{name}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"api/{name}/stream", Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/reminders/stream?search=acme", Ct)).StatusCode);
        foreach (var name in DashboardPages.Names.Prepend(""))
        {
            var page = await http.GetAsync(name, Ct);
            Assert.Equal((HttpStatusCode.Redirect, "login"), (page.StatusCode, page.Headers.Location?.OriginalString));
        }

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("login", Ct)).StatusCode);

        // A made-up session cookie is no session.
        var cookies = new CookieContainer();
        cookies.Add(silo.DashboardUrl, new Cookie(DashboardEndpointRouteBuilderExtensions.SessionCookie, "made-up", "/dashboard"));
        using var forged = silo.NewHttpClient(cookies);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("api/overview", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("api/reminders", Ct)).StatusCode);
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
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/overview", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_login_sets_an_HttpOnly_cookie_that_opens_the_json_and_the_event_stream_until_logout()
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

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("", Ct)).StatusCode);
        using var overview = JsonDocument.Parse(await http.GetStringAsync("api/overview", Ct));
        Assert.Equal(silo.App.Services.GetRequiredService<LocalSiloDetails>().Name, overview.RootElement.GetProperty("silos")[0].GetProperty("name").GetString());

        using (var stream = await http.GetAsync("api/overview/stream", HttpCompletionOption.ResponseHeadersRead, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
            Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
            using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(Ct));
            Assert.Equal("event: overview", await reader.ReadLineAsync(Ct));
            var data = await reader.ReadLineAsync(Ct);
            Assert.StartsWith("data: {", data);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await http.PostAsync("logout", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/overview", Ct)).StatusCode);
    }

    [Fact]
    public async Task Behind_a_reverse_proxy_base_path_the_cookie_and_redirects_stay_under_it()
    {
        await using var silo = await DashboardSilo.StartAsync(pathBase: "/ops");
        var cookies = new CookieContainer();
        using var http = silo.NewHttpClient(cookies);
        Assert.EndsWith("/ops/dashboard/", silo.DashboardUrl.AbsolutePath);

        var bare = await http.GetAsync(new Uri(silo.Root, "dashboard"), Ct);
        Assert.Equal(new Uri(silo.DashboardUrl, ""), new Uri(new Uri(silo.Root, "dashboard"), bare.Headers.Location!));
        var login = await silo.LogInAsync(http);

        Assert.Contains("path=/ops/dashboard", Assert.Single(login.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/overview", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("", Ct)).StatusCode);
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
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/overview", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_dashboard_with_a_port_of_its_own_answers_there_and_not_on_the_api_port()
    {
        var port = FreePort();
        await using var silo = await DashboardSilo.StartAsync(settings: ["--Dashboard:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal(port, silo.DashboardUrl.Port);
        using var http = silo.NewHttpClient();

        Assert.Equal(HttpStatusCode.SeeOther, (await silo.LogInAsync(http)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/overview", Ct)).StatusCode);
        Assert.NotEqual(port, silo.Root.Port);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(silo.Root, "dashboard/login"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(silo.Root, "healthz"), Ct)).StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
