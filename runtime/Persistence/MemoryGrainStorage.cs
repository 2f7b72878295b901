using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace BudgetActors.Runtime;

/// <summary>
/// Grain state in this process's memory, with the same rules as PostgreSQL: state is stored serialised
/// (so nothing aliases a grain's live objects, and an unserialisable state fails here as it would there)
/// and every write and clear checks the ETag.
/// </summary>
public sealed class MemoryGrainStorage(GrainJsonOptions json) : IGrainStorage
{
    private readonly ConcurrentDictionary<(GrainId Grain, string State), Row> _rows = new();

    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_rows.TryGetValue((grainId, stateName), out var row))
        {
            grainState.State = JsonSerializer.Deserialize(row.Json, json.GetTypeInfo<TState>())!;
            grainState.ETag = Etag(row.Version);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(grainState.State, json.GetTypeInfo<TState>());
        var key = (grainId, stateName);
        while (true)
        {
            if (_rows.TryGetValue(key, out var stored))
            {
                if (Etag(stored.Version) != grainState.ETag)
                {
                    throw new InconsistentStateException(grainId, stateName, grainState.ETag, Etag(stored.Version));
                }

                var updated = new Row(bytes, stored.Version + 1);
                if (_rows.TryUpdate(key, updated, stored))
                {
                    Written(grainState, updated.Version);
                    return Task.CompletedTask;
                }
            }
            else
            {
                if (grainState.ETag is not null)
                {
                    throw new InconsistentStateException(grainId, stateName, grainState.ETag, null);
                }

                if (_rows.TryAdd(key, new Row(bytes, 1)))
                {
                    Written(grainState, 1);
                    return Task.CompletedTask;
                }
            }
        }
    }

    public Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = (grainId, stateName);
        if (_rows.TryGetValue(key, out var stored))
        {
            if (Etag(stored.Version) != grainState.ETag || !_rows.TryRemove(new KeyValuePair<(GrainId, string), Row>(key, stored)))
            {
                throw new InconsistentStateException(grainId, stateName, grainState.ETag, Etag(stored.Version));
            }
        }
        else if (grainState.ETag is not null)
        {
            throw new InconsistentStateException(grainId, stateName, grainState.ETag, null);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static void Written<TState>(IGrainState<TState> grainState, long version)
    {
        grainState.ETag = Etag(version);
        grainState.RecordExists = true;
    }

    private static string Etag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private sealed record Row(byte[] Json, long Version);
}
