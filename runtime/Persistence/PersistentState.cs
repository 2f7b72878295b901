using System.Linq.Expressions;

namespace BudgetActors.Runtime;

/// <summary>The runtime's <see cref="IPersistentState{TState}"/>: one named state of one activation in one storage provider.</summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IGrainState<TState>, IActivationState
{
    // Compiled once per state type: a fresh default state without reflection on every activation.
    private static readonly Func<TState> s_createDefault = CompileDefault();

    private readonly GrainActivation _activation;
    private readonly string _stateName;
    private readonly IGrainStorage _storage;

    public PersistentState(GrainActivation activation, string stateName, IGrainStorage storage)
    {
        _activation = activation;
        _stateName = stateName;
        _storage = storage;
        State = s_createDefault();
    }

    public TState State { get; set; }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    public string? Etag => ETag;

    /// <summary>Used by <see cref="GrainClassInfo"/>: creates the state for the grain being constructed and registers it for loading.</summary>
    public static object Create(GrainActivation activation, string stateName, IGrainStorage storage)
    {
        var state = new PersistentState<TState>(activation, stateName, storage);
        activation.AddState(state);
        return state;
    }

    public Task ReadStateAsync(CancellationToken cancellationToken = default) =>
        _storage.ReadStateAsync(_stateName, _activation.Id, this, cancellationToken);

    // The runtime's own awaits resume on any thread (ConfigureAwait(false)): posting them back to the
    // activation would cost a thread hop per write; the grain's code still resumes on its activation.
    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _storage.WriteStateAsync(_stateName, _activation.Id, this, cancellationToken).ConfigureAwait(false);
        }
        catch (InconsistentStateException exception)
        {
            _activation.RequestDeactivation(new DeactivationReason(DeactivationReasonCode.InconsistentState, exception.Message));
            throw;
        }
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _storage.ClearStateAsync(_stateName, _activation.Id, this, cancellationToken).ConfigureAwait(false);
            State = s_createDefault();
        }
        catch (InconsistentStateException exception)
        {
            _activation.RequestDeactivation(new DeactivationReason(DeactivationReasonCode.InconsistentState, exception.Message));
            throw;
        }
    }

    Task IActivationState.ReadAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    private static Func<TState> CompileDefault()
    {
        var type = typeof(TState);
        if (type.IsValueType || type.GetConstructor(Type.EmptyTypes) is null)
        {
            return static () => default!;
        }

        return Expression.Lambda<Func<TState>>(Expression.New(type)).Compile();
    }
}
