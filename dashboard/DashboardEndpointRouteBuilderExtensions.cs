using BudgetActors.Dashboard.Authentication;
using BudgetActors.Dashboard.Erp;
using BudgetActors.Dashboard.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace BudgetActors.Dashboard;

/// <summary>
/// Mounts the dashboard under a path: the entry page (the Orleans dashboard framed below our navigation) at
/// <c>{path}/</c>, the Orleans dashboard itself at <c>{path}/orleans/</c>, the ERP and Workflow pages at
/// <c>{path}/erp</c> and <c>{path}/workflow</c>, the login at <c>{path}/login</c>; all but the login need the
/// operator login (<see cref="OperatorAuthentication.Policy"/>, so the host runs <c>UseAuthentication()</c> and
/// <c>UseAuthorization()</c> after any <c>UsePathBase</c>). Every URL the pages use is relative and every cookie is scoped to
/// the request's base path, so the dashboard works unchanged behind a reverse proxy that mounts it under
/// a prefix (with <c>UsePathBase</c> or the forwarded-prefix header handled by the host).
/// </summary>
public static class DashboardEndpointRouteBuilderExtensions
{
    public const string SessionCookie = "budgetactors-dashboard";

    // Our pages: not framed by anyone (clickjacking), scripts and frames only from here.
    private const string OwnPagesPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    // The Orleans dashboard: framed by our entry page only; its charts and icons set styles inline and use data: images.
    private const string OrleansPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; frame-ancestors 'self'; form-action 'self'; base-uri 'none'";

    public static IEndpointConventionBuilder MapBudgetActorsDashboard(this IEndpointRouteBuilder endpoints, string path = "/dashboard")
    {
        path = "/" + path.Trim('/');
        var loginPage = new OperatorLoginPage(path + "/login");
        var dashboard = endpoints.MapGroup(path).ExcludeFromDescription();
        dashboard.AddEndpointFilter(Guard(path, OwnPagesPolicy));

        dashboard.MapGet("/login", () => Asset("login.html"));
        dashboard.MapPost("/login", LoginAsync);
        dashboard.MapPost("/logout", (HttpContext context, OperatorSessions sessions) =>
        {
            sessions.End(context.Request.Cookies[SessionCookie]);
            context.Response.Cookies.Delete(SessionCookie, CookieOptions(context, path));
            return Results.Redirect("login");
        });
        // Styles and scripts hold nothing secret, and the login page needs them before anyone is logged in.
        dashboard.MapGet("/assets/{name}", (string name) => name.EndsWith(".html", StringComparison.Ordinal) ? Results.NotFound() : Asset(name));

        // Everything else needs the operator login: pages send a browser to the login page, the rest answers 401.
        var pages = dashboard.MapGroup("").RequireAuthorization(OperatorAuthentication.Policy).WithMetadata(loginPage);
        pages.MapGet("/", () => Asset("index.html"));
        foreach (var page in DashboardPages.Names)
        {
            pages.MapGet("/" + page, () => Asset(page + ".html"));
        }

        var api = dashboard.MapGroup("/api").RequireAuthorization(OperatorAuthentication.Policy);
        // Pages ask this after their event stream fails, to tell a lost connection from an ended session.
        api.MapGet("/session", () => Results.NoContent());
        api.MapLive("erp", DashboardJsonContext.Default.ErpModel, (context, ct) => context.RequestServices.GetRequiredService<ErpPage>().ReadAsync(ct));
        api.MapLive("workflow", DashboardJsonContext.Default.WorkflowModel, (context, ct) => context.RequestServices.GetRequiredService<WorkflowPage>().ReadAsync(ct));

        // The Orleans dashboard (cluster, silos, grains, reminders), framed by our entry page. Its own trace
        // page is off (DashboardSiloBuilderExtensions), so nothing of it streams the silo's logs.
        var orleans = dashboard.MapOrleansDashboard("/" + DashboardPages.Orleans)
            .RequireAuthorization(OperatorAuthentication.Policy)
            .AddEndpointFilter(Guard(path + "/" + DashboardPages.Orleans, OrleansPolicy));
        // Its page itself (the route group's root and index.html) sends a browser to log in; its API, scripts
        // and fonts answer 401.
        ((IEndpointConventionBuilder)orleans).Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route }
                && (route.EndsWith('/') || route.EndsWith("/" + DashboardPages.Orleans, StringComparison.OrdinalIgnoreCase) || route.EndsWith("/index.html", StringComparison.OrdinalIgnoreCase)))
            {
                endpoint.Metadata.Add(loginPage);
            }
        });

        return dashboard;

        async Task<IResult> LoginAsync(HttpContext context, OperatorSessions sessions, LoginThrottle throttle)
        {
            var logger = Logger(context);
            var remote = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (!context.Request.HasFormContentType)
            {
                return Results.BadRequest();
            }

            if (throttle.RetryAfter(remote) is { } wait)
            {
                DashboardLog.LoginThrottled(logger, remote, wait);
                context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return SeeOther(context, "login?throttled=1");
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            if (!sessions.CredentialMatches(form["user"], form["password"]))
            {
                throttle.Failed(remote);
                DashboardLog.LoginRefused(logger, remote);
                return SeeOther(context, "login?failed=1");
            }

            throttle.Succeeded(remote);

            context.Response.Cookies.Append(SessionCookie, sessions.Start(), CookieOptions(context, path));
            DashboardLog.LoggedIn(logger, form["user"].ToString(), remote);
            return SeeOther(context, "./");
        }
    }

    /// <summary>303 so the browser follows with a GET and a reload does not post the password again.</summary>
    private static IResult SeeOther(HttpContext context, string location)
    {
        context.Response.Headers.Location = location;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardEndpointRouteBuilderExtensions).FullName!);

    private static IResult Asset(string name) =>
        DashboardAssets.TryGet(name, out var content, out var contentType) ? Results.Bytes(content, contentType) : Results.NotFound();

    private static CookieOptions CookieOptions(HttpContext context, string path) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = context.Request.PathBase.Add(path).Value,
        IsEssential = true,
    };

    /// <summary>
    /// What every dashboard endpoint answers with or refuses before it runs: security headers (the given
    /// content security policy), not at all on a port other than the dashboard's own, no cross-site posts, and
    /// the mount without its trailing slash sent to it (relative URLs need the slash).
    /// </summary>
    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> Guard(string mount, string contentSecurityPolicy) =>
        async (context, next) =>
        {
            var http = context.HttpContext;
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "same-origin";

            // A dashboard given a port of its own is not there on the silo's other ports.
            if (http.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value.Port is { } port && http.Connection.LocalPort != port)
            {
                return Results.NotFound();
            }

            // A form another site posts (login CSRF, forced logout) is refused; browsers say where a request comes from.
            var request = http.Request;
            if (HttpMethods.IsPost(request.Method) && request.Headers["Sec-Fetch-Site"] == "cross-site")
            {
                DashboardLog.CrossSitePost(Logger(http), request.Path.Value ?? "", http.Connection.RemoteIpAddress?.ToString());
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            // Routing treats /dashboard and /dashboard/ alike, but the pages' relative URLs need the slash.
            if (string.Equals(request.Path.Value, mount, StringComparison.OrdinalIgnoreCase))
            {
                return Results.Redirect(mount[(mount.LastIndexOf('/') + 1)..] + "/" + request.QueryString);
            }

            return await next(context).ConfigureAwait(false);
        };
}
