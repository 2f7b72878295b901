using Microsoft.Extensions.Logging;

namespace BudgetActors.Erp;

/// <summary>
/// Every log message of the ERP connectors, with its event id. None carries a credential: messages name the
/// system, the company code and the operation, never an Authorization_ID, an API key or a request body.
/// </summary>
internal static partial class ErpLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Debug, Message = "{System} company {Company}: {Operation}")]
    public static partial void Calling(ILogger logger, ErpSystem system, string company, string operation);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "{System} company {Company} could not answer {Operation} ({Reason}); the call may be tried again")]
    public static partial void Transient(ILogger logger, ErpSystem system, string company, string operation, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "{System} company {Company} rate limited {Operation}; waiting {Delay} before trying again")]
    public static partial void RateLimited(ILogger logger, ErpSystem system, string company, string operation, TimeSpan delay);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "{System} company {Company} refused {Operation}: {Error}")]
    public static partial void Refused(ILogger logger, ErpSystem system, string company, string operation, ErpError error);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "{System} company {Company} took posting {BatchId} with a warning: {Warning}")]
    public static partial void PostedWithWarning(ILogger logger, ErpSystem system, string company, Guid batchId, string warning);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "{System} company {Company} answered {Operation} with something that could not be read: {Reason}")]
    public static partial void Unreadable(ILogger logger, ErpSystem system, string company, string operation, string reason);
}
