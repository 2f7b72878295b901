namespace BudgetActors.Runtime;

/// <summary>
/// A named grain storage provider. Rows are keyed by (grain type, grain key, state name) within the
/// service; the ETag is checked on every write and clear.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Reads the state; when nothing is stored, sets <c>RecordExists</c> false, <c>ETag</c> null and leaves <c>State</c> as it is.</summary>
    Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken);

    /// <exception cref="InconsistentStateException">The stored ETag differs from <c>grainState.ETag</c>.</exception>
    Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken);

    /// <exception cref="InconsistentStateException">The stored ETag differs from <c>grainState.ETag</c>.</exception>
    Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken);
}
