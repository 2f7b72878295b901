using Microsoft.Extensions.Logging;

namespace BudgetActors.Dashboard;

/// <summary>Every log message of the dashboard, with its event id. Passwords and session ids are never logged.</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Operator {User} logged in to the dashboard from {Remote}")]
    public static partial void LoggedIn(ILogger logger, string user, string? remote);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Refused a dashboard login from {Remote}")]
    public static partial void LoginRefused(ILogger logger, string? remote);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Taking the dashboard's figures failed; the next sample tries again")]
    public static partial void SampleFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Refused a dashboard login from {Remote} without checking it: too many wrong credentials, it may try again in {RetryAfter}")]
    public static partial void LoginThrottled(ILogger logger, string remote, TimeSpan retryAfter);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Refused a dashboard {Action} posted from another site (Sec-Fetch-Site: cross-site) from {Remote}")]
    public static partial void CrossSitePost(ILogger logger, string action, string? remote);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Reading the dashboard's {Page} figures failed; open pages are told and get the next sample that reads")]
    public static partial void PageReadFailed(ILogger logger, string page, Exception exception);
}
