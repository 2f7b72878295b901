using Npgsql;

namespace BudgetActors.Grains.Notifications;

/// <summary>The outbox in the <c>notification_outbox</c> table; claims use <c>FOR UPDATE SKIP LOCKED</c> and a lease.</summary>
public sealed class PostgresNotificationOutbox(NpgsqlDataSource dataSource, string serviceId) : INotificationOutbox
{
    public async Task AddAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var notification in notifications)
        {
            var command = new NpgsqlBatchCommand(
                "INSERT INTO notification_outbox (service_id, key, recipients, subject, body, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = notification.Key });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. notification.To] });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = notification.Subject });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = notification.Body });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = notification.CreatedAt.ToUniversalTime() });
            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<Notification>> ClaimAsync(string senderId, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE notification_outbox o SET lease_until = $3
              FROM (SELECT key FROM notification_outbox
                     WHERE service_id = $1 AND sent_at IS NULL AND (lease_until IS NULL OR lease_until < $2)
                     ORDER BY created_at LIMIT $4
                       FOR UPDATE SKIP LOCKED) due
             WHERE o.service_id = $1 AND o.key = due.key
            RETURNING o.key, o.recipients, o.subject, o.body, o.created_at
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = leaseUntil.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var claimed = new List<Notification>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            claimed.Add(Read(reader));
        }

        return [.. claimed.OrderBy(n => n.CreatedAt)];
    }

    public Task MarkSentAsync(string key, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE notification_outbox SET sent_at = $3, lease_until = NULL WHERE service_id = $1 AND key = $2", key, sentAt, cancellationToken);

    public Task ReleaseAsync(string key, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE notification_outbox SET lease_until = $3 WHERE service_id = $1 AND key = $2 AND sent_at IS NULL", key, retryAt, cancellationToken);

    public async Task<IReadOnlyList<(Notification Notification, DateTimeOffset? SentAt)>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT key, recipients, subject, body, created_at, sent_at FROM notification_outbox WHERE service_id = $1 ORDER BY created_at, key");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        var all = new List<(Notification, DateTimeOffset?)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            all.Add((Read(reader), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return all;
    }

    private async Task UpdateAsync(string sql, string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Notification Read(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetFieldValue<string[]>(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4));
}
