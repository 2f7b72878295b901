namespace BudgetActors.Runtime;

/// <summary>Where a PostgreSQL-backed provider (grain storage or reminders) keeps its rows.</summary>
public sealed class PostgresStorageOptions
{
    /// <summary>An Npgsql connection string. Required. The schema is migrated at silo start.</summary>
    public string ConnectionString { get; set; } = "";
}
