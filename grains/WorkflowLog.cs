using Microsoft.Extensions.Logging;

namespace BudgetActors.Grains;

/// <summary>Every log message of the workflow grains, with its event id.</summary>
internal static partial class WorkflowLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Export {ExportKey} through {Gateway} could not reach the ERP; it stays queued")]
    public static partial void ExportDeferred(ILogger logger, Exception exception, string exportKey, string gateway);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Export {ExportKey} through {Gateway} reached the ERP but its budget could not be told; it stays first in line and goes again")]
    public static partial void ExportNotReported(ILogger logger, Exception exception, string exportKey, string gateway);

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Notification {Key} could not be sent; it will be tried again")]
    public static partial void NotificationNotSent(ILogger logger, Exception exception, string key);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Reading the notification outbox failed; trying again next interval")]
    public static partial void OutboxPollFailed(ILogger logger, Exception exception);

    // Never the token itself: its id names it.
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "API token {TokenId} issued to {UserId} of company {CompanyId} by {IssuedBy}")]
    public static partial void TokenIssued(ILogger logger, string tokenId, string companyId, string userId, string issuedBy);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "API token {TokenId} of company {CompanyId} revoked by {RevokedBy}")]
    public static partial void TokenRevoked(ILogger logger, string tokenId, string companyId, string revokedBy);

    // The change itself is committed; the company's activity catches up with the budget's next report.
    [LoggerMessage(EventId = 3300, Level = LogLevel.Warning, Message = "Budget {BudgetKey} could not report its change to the company's activity; its next report repairs it")]
    public static partial void BudgetActivityNotRecorded(ILogger logger, Exception exception, string budgetKey);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "The daily summary of {ApproverKey} for {Day} was sent but could not be recorded in the company's activity")]
    public static partial void DailySummaryNotRecorded(ILogger logger, Exception exception, string approverKey, DateOnly day);


    [LoggerMessage(EventId = 3500, Level = LogLevel.Warning, Message = "Refused a client's call to {Method} of {Grain}: {Reason}")]
    public static partial void ClientCallRefused(ILogger logger, string method, string grain, string reason);

    // With one activation per company the lease is never contended: a long wait is a second activation, or a
    // holder PostgreSQL has not yet found dead (or a paused one, which keeps it for as long as it is paused).
    [LoggerMessage(EventId = 3400, Level = LogLevel.Warning, Message = "The ERP call lease of {ErpCompanyKey} is still held elsewhere after {Waited}; calls to that company wait for it")]
    public static partial void ErpCallLeaseWaiting(ILogger logger, string erpCompanyKey, TimeSpan waited);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "The ERP call lease of {ErpCompanyKey} was taken after waiting {Waited}")]
    public static partial void ErpCallLeaseTakenAfterWait(ILogger logger, string erpCompanyKey, TimeSpan waited);

    // The lock was held for the call as far as anyone knows; the connection is closed so that no pooled session keeps it.
    [LoggerMessage(EventId = 3402, Level = LogLevel.Warning, Message = "Releasing the ERP call lease of {ErpCompanyKey} failed; its connection is closed so that PostgreSQL frees the lock")]
    public static partial void ErpCallLeaseReleaseFailed(ILogger logger, Exception exception, string erpCompanyKey);

    // The one case a lock in PostgreSQL cannot rule out an overlap: worth an error and a look at the ERP's records.
    [LoggerMessage(EventId = 3403, Level = LogLevel.Error, Message = "The ERP call lease of {ErpCompanyKey} was lost while its call ran (its PostgreSQL session ended): another holder may have called that company at the same time")]
    public static partial void ErpCallLeaseLost(ILogger logger, Exception? exception, string erpCompanyKey);
}
