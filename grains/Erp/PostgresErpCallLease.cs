using System.Data;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BudgetActors.Grains.Erp;

/// <summary>
/// ERP call leases shared by every silo of a service: a PostgreSQL session-level advisory lock per company
/// (<c>pg_advisory_lock</c> on <see cref="ErpCallLeaseKey.ForAdvisoryLock"/>), taken on a connection of its own
/// that stays open for the whole ERP call and is given back with <c>pg_advisory_unlock</c> when the lease is
/// disposed. Every silo must point at the same database (advisory locks are per database) and reach PostgreSQL
/// directly or through a session-mode pooler: a transaction-mode pooler (PgBouncer) would move the session.
/// </summary>
/// <remarks>
/// <para>Why a session lock held on an open connection, and not a row with an expiry time: the lock lives
/// exactly as long as the holder's session, so its safety never depends on clocks or on the holder renewing
/// in time.</para>
/// <list type="bullet">
/// <item>A holder that is paused mid-call (SIGSTOP, a long GC, a VM freeze) keeps its connection, and its kernel
/// keeps answering keepalives, so the lock stays held and the other activation waits, however long: safety over
/// liveness. A lease with an expiry would instead run out and let the second activation call the ERP while the
/// first resumes its call.</item>
/// <item>A holder process that dies (<c>kill -9</c>, a crash) has its socket closed by its kernel; PostgreSQL ends
/// the session and frees the lock at once, and the next waiter is woken by the lock manager itself.</item>
/// <item>A holder host that vanishes without closing (power loss, a partition) is found by PostgreSQL's TCP
/// keepalive, which this lease sets per session (<c>tcp_keepalives_*</c>, <c>tcp_user_timeout</c> in the startup
/// options) to <see cref="ErpCallLeaseOptions.DeadHolderDetection"/>: the company's calls wait that long, then go on.
/// <c>client_connection_check_interval</c> also drops a waiter whose silo vanished before it is granted the lock.</item>
/// </list>
/// <para>What no lock in PostgreSQL can give: when a holder loses PostgreSQL (partition) but not the ERP, PostgreSQL
/// frees the lock after <see cref="ErpCallLeaseOptions.DeadHolderDetection"/> while the holder's call may still be
/// running. Keep the connectors' ERP call timeout below that bound. A fencing token would close the gap only if
/// the ERP checked it, and neither Spectrum nor Vista can; so the lease checks at release that it still held the
/// lock and logs <c>ErpCallLeaseLost</c> (an error) when it did not, which the ERP simulator's journal can confirm.</para>
/// <para>Waiting uses a blocking <c>pg_advisory_lock</c> (after one <c>pg_try_advisory_lock</c>), not polling: the
/// lock manager queues waiters and wakes the next one the moment the holder lets go or dies, without a poll
/// interval's latency or load. The caller's token cancels the wait through Npgsql's cancellation request (a
/// connection that does not answer it within Npgsql's CancellationTimeout is broken off).</para>
/// <para>Why every failure closes the connection instead of returning it to the pool: Npgsql resets a pooled
/// connection (<c>DISCARD ALL</c>, which unlocks advisory locks) lazily, with the next command sent on it, and not
/// at all with <c>No Reset On Close</c>; a connection given back still holding the lock would keep it while it sits
/// idle in the pool (tests/…/Erp/NpgsqlPoolingFacts.cs shows both). So a lease is only given back after an unlock
/// that answered true; otherwise the pool is cleared (which closes this connection when it is returned) and the
/// session, with its lock, ends.</para>
/// </remarks>
public sealed class PostgresErpCallLease : IErpCallLease, IAsyncDisposable, IDisposable
{
    internal const string ApplicationName = "budgetactors-erp-call-lease";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private readonly ErpCallLeaseOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresErpCallLease> _logger;

    /// <param name="connectionString">The database every silo of the service uses for its leases.</param>
    /// <param name="serviceId">The service's id: silos of different services never wait for each other.</param>
    public PostgresErpCallLease(string connectionString, string serviceId, IOptions<ErpCallLeaseOptions> options, TimeProvider time, ILogger<PostgresErpCallLease> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        _options = ErpCallLeaseOptionsValidator.Checked(options.Value);
        _dataSource = CreateDataSource(connectionString, _options);
        _serviceId = serviceId;
        _time = time;
        _logger = logger;
    }

    public async ValueTask<IAsyncDisposable> AcquireAsync(string erpCompanyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(erpCompanyKey);
        cancellationToken.ThrowIfCancellationRequested();
        var key = ErpCallLeaseKey.ForAdvisoryLock(_serviceId, erpCompanyKey);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!await TryLockAsync(connection, key, cancellationToken).ConfigureAwait(false))
            {
                await ErpCallLeaseWait.ObserveAsync(LockAsync(connection, key, cancellationToken), erpCompanyKey, _options, _time, _logger)
                    .ConfigureAwait(false);
            }
        }
        catch
        {
            // A cancel can land after the lock was granted but before the statement ended: the statement fails,
            // the session lock stays. So whatever happened, this connection holds nothing once it goes back.
            await AbandonAsync(connection).ConfigureAwait(false);
            throw;
        }

        return new HeldLease(this, connection, key, erpCompanyKey);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>For a container disposed synchronously; closing pooled connections needs no round trip.</summary>
    public void Dispose() => _dataSource.Dispose();

    /// <summary>
    /// The lease's own pool: its connections sit idle in an ERP call for seconds at a time (they must not starve
    /// grain storage's pool), clearing it after a failed release touches only lease connections, and it carries
    /// the keepalive settings. Internal for the tests, which check the settings reach the session.
    /// </summary>
    internal static NpgsqlDataSource CreateDataSource(string connectionString, ErpCallLeaseOptions options)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;

        // A lease is a session: multiplexing would send the unlock down another connection than the lock, and an
        // ambient transaction must not hold the lease connection past the lease.
        settings.Multiplexing = false;
        settings.Enlist = false;
        if (string.IsNullOrEmpty(settings.ApplicationName))
        {
            settings.ApplicationName = ApplicationName; // so operators can tell lease sessions in pg_stat_activity
        }

        // The silo's side: a wait on a PostgreSQL server that vanished fails instead of hanging (the probe count
        // is the operating system's; Npgsql does not set it).
        var idle = WholeSeconds(options.KeepAliveIdle);
        var interval = WholeSeconds(options.KeepAliveInterval);
        settings.TcpKeepAlive = true;
        settings.TcpKeepAliveTime = idle;
        settings.TcpKeepAliveInterval = interval;

        // PostgreSQL's side, which is what frees the lock of a vanished holder: server keepalive settings are the
        // session's to choose, so they go in the startup packet of every lease connection (RESET ALL and DISCARD
        // ALL return to these values, not to the server's). tcp_user_timeout bounds data the silo never acknowledges.
        var count = options.KeepAliveCount;
        var bound = (idle + interval * count) * 1000;
        var serverSide = string.Create(CultureInfo.InvariantCulture,
            $"-c tcp_keepalives_idle={idle} -c tcp_keepalives_interval={interval} -c tcp_keepalives_count={count} -c tcp_user_timeout={bound} -c client_connection_check_interval={interval * 1000}");
        settings.Options = string.IsNullOrWhiteSpace(settings.Options) ? serverSide : $"{settings.Options} {serverSide}";
        return builder.Build();
    }

    private static int WholeSeconds(TimeSpan span) => (int)Math.Ceiling(span.TotalSeconds);

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    private static async Task LockAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        // No command timeout: how long to wait is the caller's to say, with its token.
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives back a connection whose lock attempt failed, holding nothing.</summary>
    private async Task AbandonAsync(NpgsqlConnection connection)
    {
        var unlocked = false;
        try
        {
            if (connection.State == ConnectionState.Open)
            {
                // The connection is the lease's alone, so "every advisory lock of this session" is exactly this one.
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection) { CommandTimeout = WholeSeconds(_options.ReleaseTimeout) };
                await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
                unlocked = true;
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or OperationCanceledException or TimeoutException)
        {
            // The session is ended instead (below).
        }
        finally
        {
            await CloseAsync(connection, cleanly: unlocked).ConfigureAwait(false);
        }
    }

    /// <summary>Releases a held lease; never throws, since the ERP call's own outcome is what the caller needs.</summary>
    private async Task ReleaseAsync(NpgsqlConnection connection, long key, string erpCompanyKey)
    {
        var released = false;
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { CommandTimeout = WholeSeconds(_options.ReleaseTimeout) };
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });

            // False means this session no longer held the lock, so it was lost during the call.
            released = await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false) is true;
            if (!released)
            {
                WorkflowLog.ErpCallLeaseLost(_logger, null, erpCompanyKey);
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or OperationCanceledException or TimeoutException)
        {
            if (connection.FullState.HasFlag(ConnectionState.Broken) || connection.State != ConnectionState.Open)
            {
                // The session ended (its connection broke or was terminated): PostgreSQL freed the lock at some
                // point during the call, and another holder may have called the company since.
                WorkflowLog.ErpCallLeaseLost(_logger, exception, erpCompanyKey);
            }
            else
            {
                WorkflowLog.ErpCallLeaseReleaseFailed(_logger, exception, erpCompanyKey);
            }
        }
        finally
        {
            await CloseAsync(connection, cleanly: released).ConfigureAwait(false);
        }
    }

    private async Task CloseAsync(NpgsqlConnection connection, bool cleanly)
    {
        if (!cleanly)
        {
            // Marks every connection now open as not to be pooled again, so this one is really closed when disposed
            // below and its session (with any lock) ends. Idle lease connections, which hold nothing, go too.
            _dataSource.Clear();
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class HeldLease(PostgresErpCallLease owner, NpgsqlConnection connection, long key, string erpCompanyKey) : IAsyncDisposable
    {
        private NpgsqlConnection? _connection = connection;

        public async ValueTask DisposeAsync()
        {
            // Twice must not unlock twice: the second unlock could only ever fail, but it would close a connection
            // the pool may already have handed to someone else.
            if (Interlocked.Exchange(ref _connection, null) is { } held)
            {
                await owner.ReleaseAsync(held, key, erpCompanyKey).ConfigureAwait(false);
            }
        }
    }
}
