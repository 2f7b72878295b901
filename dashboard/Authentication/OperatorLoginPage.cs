using Microsoft.AspNetCore.Http;

namespace BudgetActors.Dashboard.Authentication;

/// <summary>
/// Endpoint metadata of a page a browser navigates to: without a session it is sent to the login page at
/// <see cref="Path"/> (below the dashboard's mount, before the request's base path). Endpoints without it
/// (JSON, event streams, scripts) answer 401, which a script can act on and a redirect would hide.
/// </summary>
internal sealed record OperatorLoginPage(PathString Path);
