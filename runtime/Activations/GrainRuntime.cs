using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetActors.Runtime;

/// <summary>
/// The heart of a silo: the directory of activations, the call path from a reference to an activation,
/// call deadlines and idle collection. Inside the silo it is also the <see cref="IClusterClient"/>.
/// </summary>
internal sealed class GrainRuntime : IClusterClient, IGrainCallInvoker, IDisposable
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();

    // Kept as activations come and go, so the dashboard's once-a-second count costs the number of grain
    // types, not a pass over every activation (and every lock of the activation table).
    private readonly ConcurrentDictionary<string, StrongBox<int>> _countsByType = new(StringComparer.Ordinal);
    private readonly GrainClassRegistry _classes;
    private readonly MessagingOptions _messaging;
    private readonly GrainCollectionOptions _collection;
    private readonly long _responseTimeout;
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _deadlineTimer;
    private ITimer? _collectionTimer;
    private ClusterMembership? _cluster;
    private ClusterOptions? _clusterOptions;
    private GrainCallSender? _sender;
    private System.Net.Http.Headers.AuthenticationHeaderValue? _clusterCredentials;

    public GrainRuntime(
        IServiceProvider services,
        GrainClassRegistry classes,
        ReminderRegistry reminders,
        CallStatistics statistics,
        TimeProvider timeProvider,
        IOptions<MessagingOptions> messaging,
        IOptions<GrainCollectionOptions> collection,
        ILogger<GrainRuntime> logger)
    {
        Services = services;
        _classes = classes;
        Reminders = reminders;
        Statistics = statistics;
        TimeProvider = timeProvider;
        Logger = logger;
        _messaging = messaging.Value;
        _collection = collection.Value;
        _responseTimeout = ToTimestampTicks(_messaging.ResponseTimeout);
    }

    public IServiceProvider Services { get; }

    public string SiloName => Services.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName;

    public ReminderRegistry Reminders { get; }

    public CallStatistics Statistics { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    /// <summary>Cancelled when the silo starts shutting down.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public int ActivationCount => _activations.Count;

    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        var info = InterfaceOf<TGrainInterface>.Info;
        return (TGrainInterface)(object)info.CreateReference(new GrainId(info.GrainType, key), this);
    }

    /// <summary>A reference to any grain by id, typed as one of its interfaces (the reminder service uses it).</summary>
    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain =>
        (TGrainInterface)(object)InterfaceOf<TGrainInterface>.Info.CreateReference(grainId, this);

    public Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainCall<TResult> call)
    {
        var ambient = RequestContext.Current;
        call.Grain = target.GrainId;
        call.Parent = ambient;
        call.Values = ambient?.Values;
        call.CorrelationId = ambient?.CorrelationId ?? RequestContext.NewCorrelationId();
        Stamp(call, call.Method.Timeout);

        // A caller outside any grain may run the call on its own thread; a grain's calls always queue, so
        // one grain's turn never runs another's inline.
        var mayRunInline = ambient is null or { Grain.Type: null } && SynchronizationContext.Current is null;
        if (target.CachedTarget is GrainActivation cached && cached.IsUsable && _cluster is null or { IsServing: true })
        {
            cached.Enqueue(call, mayRunInline);
        }
        else if (Route(call) is { } activation)
        {
            target.CachedTarget = activation;
            activation.Enqueue(call, mayRunInline);
        }

        return call.TypedCompletion;
    }

    /// <summary>Whether grains of <paramref name="grainType"/> are hosted here and implement <paramref name="interfaceType"/>.</summary>
    public bool Hosts(string grainType, Type interfaceType) =>
        _classes.Find(grainType) is { } grainClass && interfaceType.IsAssignableFrom(grainClass.GrainClass);

    /// <summary>Sets when a call was made and when its caller stops waiting.</summary>
    public void Stamp(GrainCall call, TimeSpan? timeout)
    {
        var now = TimeProvider.GetTimestamp();
        call.MadeAt = now;
        call.Deadline = now + (timeout is { } t && t > TimeSpan.Zero ? ToTimestampTicks(t) : _responseTimeout);
    }

    /// <summary>Runs a call that arrived from the network here, or passes it on to the silo that owns its grain.</summary>
    public void Dispatch(GrainCall call) => Route(call)?.Enqueue(call);

    /// <summary>Sends a call again through the directory (its activation went away before running it).</summary>
    public void Redispatch(GrainCall call) => Route(call)?.Enqueue(call);

    /// <summary>
    /// Where a call runs: an activation here (found, or created when this silo owns the grain), or another
    /// silo (the call is sent there and null returned).
    /// </summary>
    private GrainActivation? Route(GrainCall call)
    {
        if (_activations.TryGetValue(call.Grain, out var existing))
        {
            return existing;
        }

        if (_cluster is { } cluster)
        {
            if (!cluster.IsServing)
            {
                call.TryFail(new SiloUnavailableException($"Silo {cluster.Self} is not serving (stopping, or cut off from the cluster); {call.Method.FullName} on {call.Grain} did not run."));
                return null;
            }

            var owner = RendezvousPlacement.Owner(call.Grain, cluster.View.Silos is { Count: > 0 } silos ? silos : [cluster.Self]);
            if (owner != cluster.Self && call.Hops < HopLimit)
            {
                Forward(call, owner);
                return null;
            }
        }

        return FindOrCreateActivation(call);
    }

    /// <summary>Sends a call to the silo that owns (or holds) its grain.</summary>
    public void Forward(GrainCall call, SiloAddress silo)
    {
        if (call.Hops >= HopLimit && call.Hops > 0)
        {
            call.TryFail(new SiloUnavailableException($"{call.Method.FullName} on {call.Grain} was passed on {call.Hops} times without reaching the silo that holds the grain (membership is changing); try again."));
            return;
        }

        call.Hops++;
        _ = SendAsync(call, silo);
    }

    private async Task SendAsync(GrainCall call, SiloAddress silo)
    {
        if (!await _sender!.TrySendAsync(call, silo.Endpoint, _clusterCredentials!, onView: null).ConfigureAwait(false))
        {
            // Its heartbeats will stop too; until the cluster declares it dead, callers retry.
            call.TryFail(new SiloUnavailableException($"Silo {silo} could not be reached or is not serving; {call.Method.FullName} on {call.Grain} did not run."));
        }
    }

    /// <summary>
    /// How many times a call may have been passed on when it reaches this silo and is passed on again. A
    /// stopping silo gets two more: it can start no activation, and a call that found the grain still held
    /// here while it deactivates must go back to the new owner.
    /// </summary>
    private int HopLimit => _clusterOptions!.MaxForwardHops + (_stopping.IsCancellationRequested ? 2 : 0);

    /// <summary>Makes this runtime one silo of a cluster: placement over the live silos, a directory, calls to other silos.</summary>
    public void AttachCluster(ClusterMembership cluster, IGrainDirectory directory, GrainCallSender sender, ClusterSecret secret, ClusterOptions options)
    {
        _cluster = cluster;
        Directory = directory;
        _sender = sender;
        _clusterOptions = options;
        _clusterCredentials = new System.Net.Http.Headers.AuthenticationHeaderValue(WireHeaders.ClusterScheme, secret.Value);
    }

    /// <summary>The cluster's grain directory, or null for a silo on its own.</summary>
    public IGrainDirectory? Directory { get; private set; }

    /// <summary>This silo in the cluster, or null for a silo on its own.</summary>
    public SiloAddress? Self => _cluster?.Self;

    public void RemoveActivation(GrainActivation activation)
    {
        if (_activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.Id, activation)))
        {
            Interlocked.Decrement(ref CountOf(activation.Id.Type).Value);
        }
    }

    /// <summary>Activations per grain type, for statistics (types with none left out).</summary>
    public IReadOnlyDictionary<string, int> ActivationCountsByType() =>
        _countsByType.Select(c => (c.Key, Count: Volatile.Read(ref c.Value.Value))).Where(c => c.Count > 0).ToDictionary(c => c.Key, c => c.Count);

    private StrongBox<int> CountOf(string grainType) => _countsByType.GetOrAdd(grainType, static _ => new StrongBox<int>());

    public void Start()
    {
        _deadlineTimer = TimeProvider.CreateTimer(static s => ((GrainRuntime)s!).ExpireOverdueCalls(), this, _messaging.TimeoutCheckInterval, _messaging.TimeoutCheckInterval);
        _collectionTimer = TimeProvider.CreateTimer(static s => ((GrainRuntime)s!).CollectIdleActivations(), this, _collection.CollectionQuantum, _collection.CollectionQuantum);
    }

    /// <summary>
    /// Stops taking new activations, lets in-flight calls finish and deactivates every grain (running
    /// <c>OnDeactivateAsync</c>), within <paramref name="cancellationToken"/>.
    /// </summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        _deadlineTimer?.Dispose();
        _collectionTimer?.Dispose();
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is shutting down.");
        var all = _activations.Values.Select(a => a.DeactivateAsync(reason)).ToArray();
        RuntimeLog.ShuttingDown(Logger, all.Length);
        try
        {
            await Task.WhenAll(all).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // A call that never finishes must not keep the process from stopping.
            RuntimeLog.ShutdownIncomplete(Logger, all.Count(t => !t.IsCompleted));
        }
    }

    /// <summary>Fails, as timed out, every call whose caller's deadline has passed (checked every <see cref="MessagingOptions.TimeoutCheckInterval"/>).</summary>
    public void ExpireOverdueCalls()
    {
        var now = TimeProvider.GetTimestamp();
        var expired = new List<GrainCall>();
        foreach (var activation in _activations.Values)
        {
            activation.CollectExpiredCalls(now, expired);
        }

        foreach (var call in expired)
        {
            var waited = TimeProvider.GetElapsedTime(call.MadeAt, now);
            call.TryFail(new GrainCallTimeoutException(
                $"{call.Method.FullName} on {call.Grain} did not answer within {waited:g}; its outcome is unknown."));
        }
    }

    /// <summary>Deactivates activations idle for longer than <see cref="GrainCollectionOptions.CollectionAge"/>.</summary>
    public int CollectIdleActivations()
    {
        var threshold = TimeProvider.GetTimestamp() - ToTimestampTicks(_collection.CollectionAge);
        var reason = new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"Idle for more than {_collection.CollectionAge:g}.");
        var collected = 0;
        foreach (var activation in _activations.Values)
        {
            if (activation.IsIdleSince(threshold))
            {
                activation.RequestDeactivation(reason);
                collected++;
            }
        }

        return collected;
    }

    public void Dispose()
    {
        _deadlineTimer?.Dispose();
        _collectionTimer?.Dispose();
        _stopping.Dispose();
    }

    private GrainActivation? FindOrCreateActivation(GrainCall call)
    {
        if (_activations.TryGetValue(call.Grain, out var existing))
        {
            return existing;
        }

        if (_stopping.IsCancellationRequested)
        {
            call.TryFail(new SiloUnavailableException($"The silo is shutting down; {call.Method.FullName} on {call.Grain} did not run."));
            return null;
        }

        GrainClassInfo grainClass;
        try
        {
            grainClass = _classes.Get(call.Grain.Type);
        }
        catch (InvalidOperationException exception)
        {
            call.TryFail(exception);
            return null;
        }

        var created = new GrainActivation(call.Grain, grainClass, this);
        var winner = _activations.GetOrAdd(call.Grain, created);
        if (ReferenceEquals(winner, created))
        {
            Interlocked.Increment(ref CountOf(call.Grain.Type).Value);
            created.Activate();
        }

        return winner;
    }

    private long ToTimestampTicks(TimeSpan span) => (long)(span.TotalSeconds * TimeProvider.TimestampFrequency);

    private static class InterfaceOf<TGrainInterface>
    {
        public static readonly GrainInterfaceInfo Info = GrainInterfaceRegistry.Get(typeof(TGrainInterface));
    }
}
