using System.Net.Http.Headers;
using BudgetActors.GrainInterfaces;
using BudgetActors.Runtime;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BudgetActors.Client;

/// <summary>
/// A client of the cluster: <c>client.GetGrain&lt;IBudgetGrain&gt;(key)</c> returns a reference whose calls go
/// straight to the silo that owns the grain (the client computes placement from the same membership view
/// as the silos). A call a silo could not take (gone, stopping) is sent again after reading the view
/// anew; a call whose outcome is unknown fails with a clear error instead of running twice.
/// </summary>
public sealed class ClusterClient : IClusterClient, IGrainCallInvoker, IAsyncDisposable
{
    private readonly ClusterClientOptions _options;
    private readonly TimeProvider _time;
    private readonly GrainCallSender _sender;
    private readonly AuthenticationHeaderValue _credentials;
    private readonly NpgsqlDataSource? _membershipDatabase;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly Lock _suspectsLock = new();
    private readonly Dictionary<SiloAddress, long> _suspects = [];
    private MembershipView _view = MembershipView.Empty;
    private long _viewReadAt;

    public ClusterClient(IOptions<ClusterClientOptions> options, TimeProvider? time = null)
    {
        _options = options.Value;
        var problems = _options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(ClusterClientOptions), typeof(ClusterClientOptions), problems);
        }

        _time = time ?? TimeProvider.System;
        var json = new GrainJsonOptions([.. _options.JsonContexts, WorkflowContractJsonContext.Default]);
        _sender = new GrainCallSender(new CallCodec(json), _time);
        _credentials = new AuthenticationHeaderValue("Bearer", _options.Token);
        if (_options.MembershipConnectionString is { Length: > 0 } connectionString)
        {
            _membershipDatabase = NpgsqlDataSource.Create(connectionString);
        }
    }

    /// <summary>The live silos as this client last read them.</summary>
    public MembershipView View => _view;

    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        var info = GrainInterfaceRegistry.Get(typeof(TGrainInterface));
        return (TGrainInterface)(object)info.CreateReference(new GrainId(info.GrainType, key), this);
    }

    public Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainCall<TResult> call)
    {
        // Who calls is the token's user; the silo sets it. Nothing the client puts in the context is believed.
        call.Grain = target.GrainId;
        call.CorrelationId = RequestContext.NewCorrelationId();
        var now = _time.GetTimestamp();
        call.MadeAt = now;
        call.Deadline = now + (long)((call.Method.Timeout ?? _options.ResponseTimeout).TotalSeconds * _time.TimestampFrequency);
        _ = DeliverAsync(call);
        return call.TypedCompletion;
    }

    /// <summary>The company user this client's token acts as (asked of a live silo).</summary>
    public async Task<CallerIdentity> WhoAmIAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(force: false, cancellationToken).ConfigureAwait(false);
        var failures = new List<string>();
        foreach (var silo in Candidates())
        {
            try
            {
                return await _sender.WhoAmIAsync(silo.Endpoint, _credentials, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException exception) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Add($"{silo}: {exception.Message}");
                Suspect(silo);
            }
        }

        throw new SiloUnavailableException($"No silo could say who the token belongs to ({string.Join("; ", failures)}).");
    }

    /// <summary>Reads the membership view now (it is also read on the first call and whenever a silo reports a newer one).</summary>
    public Task RefreshViewAsync(CancellationToken cancellationToken) => RefreshAsync(force: true, cancellationToken);

    private async Task DeliverAsync(GrainCall call)
    {
        var tried = new List<SiloAddress>();
        try
        {
            for (var attempt = 0; attempt < _options.MaxAttempts; attempt++)
            {
                await RefreshAsync(force: attempt > 0, CancellationToken.None).ConfigureAwait(false);
                var candidates = Candidates();
                if (candidates.Count == 0)
                {
                    break;
                }

                var owner = RendezvousPlacement.Owner(call.Grain, candidates);
                tried.Add(owner);
                if (await _sender.TrySendAsync(call, owner.Endpoint, _credentials, OnStamp).ConfigureAwait(false))
                {
                    return;
                }

                Suspect(owner);
            }

            call.TryFail(new SiloUnavailableException(tried.Count == 0
                ? $"No silo of the cluster is known to be live; {call.Method.FullName} on {call.Grain} did not run."
                : $"No silo could take {call.Method.FullName} on {call.Grain} (tried {string.Join(", ", tried)}); it did not run."));
        }
        catch (UnauthorizedAccessException exception)
        {
            call.TryFail(exception);
        }
        catch (Exception exception)
        {
            call.TryFail(new SiloUnavailableException($"The cluster could not be reached: {exception.Message}; {call.Method.FullName} on {call.Grain} did not run.", exception));
        }
    }

    /// <summary>The live silos minus those that just failed to answer (until the cluster decides about them).</summary>
    private List<SiloAddress> Candidates()
    {
        var now = _time.GetTimestamp();
        lock (_suspectsLock)
        {
            foreach (var expired in _suspects.Where(s => s.Value <= now).Select(s => s.Key).ToList())
            {
                _suspects.Remove(expired);
            }

            return [.. _view.Silos.Where(s => !_suspects.ContainsKey(s))];
        }
    }

    private void Suspect(SiloAddress silo)
    {
        lock (_suspectsLock)
        {
            _suspects[silo] = _time.GetTimestamp() + (long)(_options.ViewRefreshInterval.TotalSeconds * _time.TimestampFrequency);
        }
    }

    private void OnStamp(long stamp)
    {
        if (stamp != _view.Stamp)
        {
            _ = RefreshAsync(force: true, CancellationToken.None);
        }
    }

    private async Task RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        var due = _view.Silos.Count == 0 || _time.GetElapsedTime(Volatile.Read(ref _viewReadAt)) >= _options.ViewRefreshInterval;
        if (!force && !due)
        {
            return;
        }

        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var silos = await ReadViewAsync(cancellationToken).ConfigureAwait(false);
            _view = new MembershipView(silos);
            Volatile.Write(ref _viewReadAt, _time.GetTimestamp());
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async Task<IReadOnlyList<SiloAddress>> ReadViewAsync(CancellationToken cancellationToken)
    {
        if (_membershipDatabase is not null)
        {
            var table = new PostgresMembershipTable(_membershipDatabase, _options.ServiceId);
            var entries = await table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
            return [.. entries.Where(e => e.Status == SiloStatus.Active).Select(e => e.Address)];
        }

        // Any silo can tell: the configured gateways first, then the silos of the last view.
        var failures = new List<string>();
        foreach (var endpoint in _options.Gateways.Select(Endpoint).Concat(_view.Silos.Select(s => s.Endpoint)).Distinct())
        {
            try
            {
                var (silos, _) = await _sender.GetMembersAsync(endpoint, _credentials, cancellationToken).ConfigureAwait(false);
                return silos;
            }
            catch (UnauthorizedAccessException)
            {
                throw;
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                failures.Add($"{endpoint.Authority}: {exception.Message}");
            }
        }

        throw new SiloUnavailableException($"No gateway answered ({string.Join("; ", failures)}).");
    }

    private static Uri Endpoint(string gateway) =>
        new(gateway.Contains("://", StringComparison.Ordinal) ? gateway : $"http://{gateway}", UriKind.Absolute);

    public async ValueTask DisposeAsync()
    {
        _sender.Dispose();
        _refreshing.Dispose();
        if (_membershipDatabase is not null)
        {
            await _membershipDatabase.DisposeAsync().ConfigureAwait(false);
        }
    }
}
