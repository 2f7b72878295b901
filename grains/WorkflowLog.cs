using Microsoft.Extensions.Logging;

namespace BudgetActors.Grains;

/// <summary>Every log message of the workflow grains, with its event id.</summary>
internal static partial class WorkflowLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Export {ExportKey} through {Gateway} could not reach the ERP; it stays queued")]
    public static partial void ExportDeferred(ILogger logger, Exception exception, string exportKey, string gateway);
}
