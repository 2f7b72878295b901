using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace BudgetActors.Runtime;

/// <summary>
/// Grain state in the <c>grain_state</c> table: jsonb you can read with psql, and a version column as
/// ETag, checked inside the same UPDATE or DELETE that changes the row.
/// </summary>
public sealed class PostgresGrainStorage(NpgsqlDataSource dataSource, string serviceId, GrainJsonOptions json) : IGrainStorage
{
    private const string Key = "service_id = $1 AND grain_type = $2 AND grain_key = $3 AND state_name = $4";

    public async Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT state, version FROM grain_state WHERE {Key}", grainId, stateName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            grainState.State = JsonSerializer.Deserialize(reader.GetString(0), json.GetTypeInfo<TState>())!;
            grainState.ETag = Etag(reader.GetInt64(1));
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        var state = JsonSerializer.Serialize(grainState.State, json.GetTypeInfo<TState>());
        // The new version follows from the one the write names (or is 1 for a first write), so a row
        // count says everything: one row changed, or someone else got there first.
        var expected = grainState.ETag is { } etag ? Version(etag) : 0;
        await using var command = expected == 0
            ? Command("INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, state, version) VALUES ($1, $2, $3, $4, $5, 1) ON CONFLICT DO NOTHING", grainId, stateName)
            : Command($"UPDATE grain_state SET state = $5, version = $6 + 1, modified_at = now() WHERE {Key} AND version = $6", grainId, stateName);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = state, NpgsqlDbType = NpgsqlDbType.Jsonb });
        if (expected != 0)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expected });
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            throw await ConflictAsync(stateName, grainId, grainState.ETag, cancellationToken).ConfigureAwait(false);
        }

        grainState.ETag = Etag(expected + 1);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        if (grainState.ETag is { } etag)
        {
            await using var command = Command($"DELETE FROM grain_state WHERE {Key} AND version = $5", grainId, stateName);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = Version(etag) });
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw await ConflictAsync(stateName, grainId, etag, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (await StoredVersionAsync(stateName, grainId, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            throw new InconsistentStateException(grainId, stateName, null, Etag(stored));
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private async Task<InconsistentStateException> ConflictAsync(string stateName, GrainId grainId, string? expected, CancellationToken cancellationToken)
    {
        var stored = await StoredVersionAsync(stateName, grainId, cancellationToken).ConfigureAwait(false);
        return new InconsistentStateException(grainId, stateName, expected, stored is { } v ? Etag(v) : null);
    }

    private async Task<long?> StoredVersionAsync(string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT version FROM grain_state WHERE {Key}", grainId, stateName);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
    }

    private NpgsqlCommand Command(string sql, GrainId grainId, string stateName)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });
        return command;
    }

    private static string Etag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static long Version(string etag) => long.Parse(etag, CultureInfo.InvariantCulture);
}
