namespace BudgetActors.Silo;

/// <summary>Every log message of the silo host and its API, with its event id. Tokens are never logged.</summary>
internal static partial class SiloLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Refused {Method} {Path}: no valid API token")]
    public static partial void TokenRefused(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "The workflow refused {Method} {Path}: {Code}")]
    public static partial void RequestRefused(ILogger logger, string method, string path, WorkflowErrorCode code);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, string path);
}
