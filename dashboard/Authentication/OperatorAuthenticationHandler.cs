using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetActors.Dashboard.Authentication;

/// <summary>
/// The operator session cookie as an authentication scheme. The cookie holds only a random id that
/// <see cref="OperatorSessions"/> knows (no signed ticket), so the scheme needs no data-protection keys and a
/// logout ends the session at once. Challenged on a page (<see cref="OperatorLoginPage"/>) it redirects to
/// the login page; anywhere else it answers 401.
/// </summary>
internal sealed class OperatorAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    OperatorSessions sessions,
    IOptions<DashboardOptions> dashboard) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var id = Request.Cookies[DashboardEndpointRouteBuilderExtensions.SessionCookie];
        if (string.IsNullOrEmpty(id))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!sessions.IsValid(id))
        {
            return Task.FromResult(AuthenticateResult.Fail("The operator session ended or was never granted."));
        }

        // One credential, so the session's holder is the configured operator.
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, dashboard.Value.Operator.User), new Claim(ClaimTypes.Role, OperatorAuthentication.Role)],
            OperatorAuthentication.Scheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), OperatorAuthentication.Scheme)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (HttpMethods.IsGet(Request.Method) && Context.GetEndpoint()?.Metadata.GetMetadata<OperatorLoginPage>() is { } login)
        {
            Response.Redirect(Request.PathBase.Add(login.Path).Value!);
            return Task.CompletedTask;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}
