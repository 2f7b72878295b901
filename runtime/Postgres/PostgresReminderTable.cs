using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace BudgetActors.Runtime;

/// <summary>
/// Reminders in the <c>reminders</c> table, indexed by next due time. Claims lock rows with
/// <c>FOR UPDATE SKIP LOCKED</c> and lease them, so silos polling at once never take the same tick.
/// All times come from the caller's clock, never the database's, so one clock rules each silo.
/// </summary>
public sealed class PostgresReminderTable(NpgsqlDataSource dataSource, string serviceId) : IReminderTable
{
    private const string Columns = "grain_type, grain_key, reminder_name, start_at, period, next_due, last_delivered, lease_owner, lease_until, version";
    private const string Key = "service_id = $1 AND grain_type = $2 AND grain_key = $3 AND reminder_name = $4";

    public async Task<ReminderEntry> UpsertAsync(GrainId grainId, string reminderName, DateTimeOffset startAt, TimeSpan period, CancellationToken cancellationToken)
    {
        await using var command = Command($"""
            INSERT INTO reminders (service_id, grain_type, grain_key, reminder_name, start_at, period, next_due, version)
            VALUES ($1, $2, $3, $4, $5, $6, $5, 1)
            ON CONFLICT (service_id, grain_type, grain_key, reminder_name) DO UPDATE
               SET start_at = excluded.start_at, period = excluded.period, next_due = excluded.next_due,
                   lease_owner = NULL, lease_until = NULL, version = reminders.version + 1
            RETURNING {Columns}
            """, grainId, reminderName);
        command.Parameters.Add(Time(startAt));
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = period });
        return (await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false))[0];
    }

    public async Task<bool> RemoveAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        await using var command = Command($"DELETE FROM reminders WHERE {Key}", grainId, reminderName);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT {Columns} FROM reminders WHERE {Key}", grainId, reminderName);
        return (await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM reminders WHERE service_id = $1 AND grain_type = $2 AND grain_key = $3 ORDER BY reminder_name");
        command.Parameters.Add(Text(serviceId));
        command.Parameters.Add(Text(grainId.Type));
        command.Parameters.Add(Text(grainId.Key));
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReminderPage> ReadAllAsync(string? search, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);

        // A substring search cannot use a b-tree index, so it reads the service's rows; that is cheap for
        // an operator's page at the few thousand reminders a service has (pg_trgm would be the next step).
        var pattern = string.IsNullOrEmpty(search) ? null : "%" + EscapeLike(search) + "%";
        var matching = pattern is null
            ? "service_id = $1"
            : """service_id = $1 AND (grain_type ILIKE $2 ESCAPE '\' OR grain_key ILIKE $2 ESCAPE '\' OR reminder_name ILIKE $2 ESCAPE '\')""";
        var offsetParameter = pattern is null ? 2 : 3;
        await using var batch = dataSource.CreateBatch();
        Matching($"SELECT count(*)::int FROM reminders WHERE {matching}");
        var page = Matching($"""
            SELECT {Columns} FROM reminders WHERE {matching}
             ORDER BY next_due, grain_type, grain_key, reminder_name
            OFFSET ${offsetParameter} LIMIT ${offsetParameter + 1}
            """);
        page.Parameters.Add(new NpgsqlParameter<int> { TypedValue = offset });
        page.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var total = reader.GetInt32(0);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        return new ReminderPage(await ReadEntriesAsync(reader, cancellationToken).ConfigureAwait(false), total);

        NpgsqlBatchCommand Matching(string sql)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(Text(serviceId));
            if (pattern is not null)
            {
                command.Parameters.Add(Text(pattern));
            }

            batch.BatchCommands.Add(command);
            return command;
        }
    }

    public async Task<IReadOnlyList<ReminderEntry>> ClaimDueAsync(string siloId, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE reminders r
               SET lease_owner = $2, lease_until = $4, version = r.version + 1
              FROM (SELECT grain_type, grain_key, reminder_name
                      FROM reminders
                     WHERE service_id = $1 AND next_due <= $3 AND (lease_until IS NULL OR lease_until < $3)
                     ORDER BY next_due
                     LIMIT $5
                       FOR UPDATE SKIP LOCKED) due
             WHERE r.service_id = $1 AND r.grain_type = due.grain_type AND r.grain_key = due.grain_key AND r.reminder_name = due.reminder_name
            RETURNING {string.Join(", ", Columns.Split(", ").Select(c => "r." + c))}
            """);
        command.Parameters.Add(Text(serviceId));
        command.Parameters.Add(Text(siloId));
        command.Parameters.Add(Time(now));
        command.Parameters.Add(Time(leaseUntil));
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> CompleteTickAsync(ReminderEntry claimed, DateTimeOffset delivered, DateTimeOffset nextDue, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"UPDATE reminders SET next_due = $5, last_delivered = $6, lease_owner = NULL, lease_until = NULL, version = version + 1 WHERE {Key} AND version = $7",
            claimed.GrainId,
            claimed.ReminderName);
        command.Parameters.Add(Time(nextDue));
        command.Parameters.Add(Time(delivered));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = long.Parse(claimed.ETag, CultureInfo.InvariantCulture) });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task ReleaseAsync(ReminderEntry claimed, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"UPDATE reminders SET lease_owner = NULL, lease_until = $5, version = version + 1 WHERE {Key} AND version = $6",
            claimed.GrainId,
            claimed.ReminderName);
        command.Parameters.Add(Time(retryAt));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = long.Parse(claimed.ETag, CultureInfo.InvariantCulture) });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> ReleaseLeasesOfAsync(string siloId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE reminders SET lease_owner = NULL, lease_until = NULL, version = version + 1 WHERE service_id = $1 AND lease_owner = $2");
        command.Parameters.Add(Text(serviceId));
        command.Parameters.Add(Text(siloId));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<ReminderEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ReadEntriesAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<ReminderEntry>> ReadEntriesAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry
            {
                GrainId = new GrainId(reader.GetString(0), reader.GetString(1)),
                ReminderName = reader.GetString(2),
                StartAt = reader.GetFieldValue<DateTimeOffset>(3),
                Period = reader.GetFieldValue<TimeSpan>(4),
                NextDue = reader.GetFieldValue<DateTimeOffset>(5),
                LastDelivered = NullableTime(reader, 6),
                LeaseOwner = reader.IsDBNull(7) ? null : reader.GetString(7),
                LeaseUntil = NullableTime(reader, 8),
                ETag = reader.GetInt64(9).ToString(CultureInfo.InvariantCulture),
            });
        }

        return entries;
    }

    private static DateTimeOffset? NullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private NpgsqlCommand Command(string sql, GrainId grainId, string reminderName)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(Text(serviceId));
        command.Parameters.Add(Text(grainId.Type));
        command.Parameters.Add(Text(grainId.Key));
        command.Parameters.Add(Text(reminderName));
        return command;
    }

    // The user's text is matched literally: its own wildcards and the escape character are escaped.
    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    private static NpgsqlParameter<string> Text(string value) => new() { TypedValue = value };

    // timestamptz takes UTC only.
    private static NpgsqlParameter<DateTimeOffset> Time(DateTimeOffset value) => new() { TypedValue = value.ToUniversalTime() };
}
