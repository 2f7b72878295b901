using Microsoft.Extensions.Options;

namespace BudgetActors.Runtime;

/// <summary>Where a PostgreSQL-backed provider (grain storage, reminders, membership, ...) keeps its rows.</summary>
public sealed class PostgresStorageOptions
{
    /// <summary>An Npgsql connection string. Required. The schema is migrated at silo start.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The options <paramref name="configure"/> sets, refused at once (naming <paramref name="what"/>) without a connection string.</summary>
    public static PostgresStorageOptions Configured(Action<PostgresStorageOptions> configure, string what)
    {
        var options = new PostgresStorageOptions();
        configure(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new OptionsValidationException(nameof(PostgresStorageOptions), typeof(PostgresStorageOptions),
                [$"PostgreSQL {what}: PostgresStorageOptions.ConnectionString is required."]);
        }

        return options;
    }
}
