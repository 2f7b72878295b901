using Microsoft.Extensions.Logging;

namespace BudgetActors.Runtime;

/// <summary>Every log message of the runtime, with its event id (source-generated; no formatting on paths that don't log).</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Silo {SiloName} of service {ServiceId} started with {GrainTypes} grain types")]
    public static partial void SiloStarted(ILogger logger, string siloName, string serviceId, int grainTypes);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Silo shutting down: deactivating {Count} activations")]
    public static partial void ShuttingDown(ILogger logger, int count);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Silo stopped with {Count} activations still busy: their calls did not finish within the deactivation timeout")]
    public static partial void ShutdownIncomplete(ILogger logger, int count);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Error, Message = "A turn of {GrainId} threw outside any call")]
    public static partial void TurnFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Activation of {GrainId} failed; its waiting calls fail with the error")]
    public static partial void ActivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "OnDeactivateAsync of {GrainId} threw")]
    public static partial void DeactivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "Deactivated {GrainId} ({Reason})")]
    public static partial void Deactivated(ILogger logger, GrainId grainId, string reason);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Error, Message = "A timer tick of {GrainId} threw")]
    public static partial void TimerTickFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "Polling the reminder table failed; trying again next interval")]
    public static partial void ReminderPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Reminder {ReminderName} of {GrainId} could not be delivered; it will be retried")]
    public static partial void ReminderDeliveryFailed(ILogger logger, Exception exception, string reminderName, GrainId grainId);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Applied {Component} schema migration {Version} ({Name})")]
    public static partial void MigrationApplied(ILogger logger, string component, int version, string name);
}
