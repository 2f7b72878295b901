using System.Collections.Concurrent;
using Npgsql;

namespace BudgetActors.Grains.Postgres;

/// <summary>One pooled <see cref="NpgsqlDataSource"/> per connection string, shared by the silo's providers.</summary>
public sealed class PostgresDataSources : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<NpgsqlDataSource>> _sources = new();

    public NpgsqlDataSource Get(string connectionString) =>
        _sources.GetOrAdd(connectionString, cs => new Lazy<NpgsqlDataSource>(() => Create(cs))).Value;

    /// <summary>
    /// The runtime sends the same few statements millions of times: unless the connection string says
    /// otherwise, let Npgsql prepare them on each connection, which spares PostgreSQL a parse and plan per call.
    /// </summary>
    private static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources.Values.Where(s => s.IsValueCreated))
        {
            await source.Value.DisposeAsync();
        }
    }
}
