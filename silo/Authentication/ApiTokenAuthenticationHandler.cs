using BudgetActors.Grains.Security;
using System.Security.Claims;
using System.Text.Encodings.Web;
using BudgetActors.Silo.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BudgetActors.Silo.Authentication;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c>: the token store says which company user the token belongs
/// to, and that user is the caller. Nothing else in the request (URL, body, other headers) says who calls.
/// A missing, unknown or revoked token gets 401 with a <c>WWW-Authenticate</c> challenge (RFC 6750).
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    ICallerAuthenticator authenticator,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header is not a bearer token.");
        }

        var caller = await authenticator.AuthenticateAsync(header[BearerPrefix.Length..].Trim(), Context.RequestAborted);
        if (caller is null)
        {
            SiloLog.TokenRefused(Logger, Request.Method, Request.Path);
            return AuthenticateResult.Fail("The token is unknown, revoked or malformed.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ApiTokenDefaults.CompanyClaim, caller.CompanyId), new Claim(ApiTokenDefaults.UserClaim, caller.UserId)],
            ApiTokenDefaults.Scheme, ApiTokenDefaults.UserClaim, null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiTokenDefaults.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var presented = !string.IsNullOrEmpty(Request.Headers.Authorization);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, presented
            ? $"Bearer realm=\"{ApiTokenDefaults.Realm}\", error=\"invalid_token\", error_description=\"The token is unknown, revoked or malformed.\""
            : $"Bearer realm=\"{ApiTokenDefaults.Realm}\"");
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = WorkflowProblems.Unauthenticated(presented
                ? "The bearer token is unknown, revoked or malformed: ask a company admin for a new one."
                : "This API needs 'Authorization: Bearer <token>'; a company admin issues tokens."),
        });
    }
}
