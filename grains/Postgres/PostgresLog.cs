using Microsoft.Extensions.Logging;

namespace BudgetActors.Grains.Postgres;

/// <summary>Log messages of the PostgreSQL schema migration (event ids 3400-3499).</summary>
internal static partial class PostgresLog
{
    [LoggerMessage(EventId = 3700, Level = LogLevel.Information, Message = "Applied migration {Component} {Version} ({Name})")]
    public static partial void MigrationApplied(ILogger logger, string component, int version, string name);

    [LoggerMessage(EventId = 3701, Level = LogLevel.Information, Message = "PostgreSQL schema is up to date ({Applied} migrations applied now)")]
    public static partial void SchemaUpToDate(ILogger logger, int applied);
}
