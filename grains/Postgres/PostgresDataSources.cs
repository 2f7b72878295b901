using System.Collections.Concurrent;
using Npgsql;

namespace BudgetActors.Grains.Postgres;

/// <summary>
/// One pooled <see cref="NpgsqlDataSource"/> per connection string, shared by a silo's PostgreSQL users.
/// Orleans' ADO.NET providers take one too (<c>options.DataSource</c>, instead of a connection string):
/// then their statements share this pool and its statement preparation.
/// </summary>
public sealed class PostgresDataSources : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<NpgsqlDataSource>> _sources = new();

    public NpgsqlDataSource Get(string connectionString) =>
        _sources.GetOrAdd(connectionString, cs => new Lazy<NpgsqlDataSource>(() => Create(cs))).Value;

    /// <summary>
    /// A silo sends the same few statements (grain state, reminders, heartbeats) millions of times: unless
    /// the connection string says otherwise, let Npgsql prepare them on each connection, which spares
    /// PostgreSQL a parse and plan per call.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
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
            await source.Value.DisposeAsync().ConfigureAwait(false);
        }
    }
}
