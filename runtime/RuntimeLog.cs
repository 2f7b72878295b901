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

    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Silo {Silo} joined the cluster; {Count} silos are live")]
    public static partial void SiloJoined(ILogger logger, string silo, int count);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Silo {Silo} left the cluster")]
    public static partial void SiloLeft(ILogger logger, string silo);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Declared silo {Silo} dead: no heartbeat for {Age}")]
    public static partial void SiloDeclaredDead(ILogger logger, string silo, TimeSpan age);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Critical, Message = "Silo {Silo} was declared dead by the cluster; it stops serving and exits")]
    public static partial void SiloFenced(ILogger logger, string silo);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Warning, Message = "Writing the heartbeat failed; trying again next interval")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Information, Message = "Membership changed: {Count} live silos ({Silos})")]
    public static partial void ViewChanged(ILogger logger, int count, string silos);

    [LoggerMessage(EventId = 1406, Level = LogLevel.Information, Message = "Silo endpoint listening on {Address}")]
    public static partial void EndpointListening(ILogger logger, string address);

    [LoggerMessage(EventId = 1407, Level = LogLevel.Warning, Message = "Refused a call from {Remote}: {Reason}")]
    public static partial void CallRefused(ILogger logger, string remote, string reason);

    [LoggerMessage(EventId = 1408, Level = LogLevel.Warning, Message = "Leaving the grain directory failed for {GrainId}; the entry is taken over once this silo leaves")]
    public static partial void DirectoryUnregisterFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 1409, Level = LogLevel.Warning, Message = "No cluster secret is configured: this silo made one up, so it serves alone but refuses calls other silos pass on to it. Set the same Cluster:ClusterSecret (BUDGETACTORS_CLUSTER_SECRET) on every silo to run several")]
    public static partial void NoClusterSecret(ILogger logger);
}
