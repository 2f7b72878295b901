namespace BudgetActors.Runtime;

/// <summary>
/// A grain's durable state, injected through a constructor parameter marked with
/// <see cref="PersistentStateAttribute"/>. Loaded before <c>OnActivateAsync</c>; every write checks the
/// <see cref="Etag"/>, so two activations can never silently overwrite each other.
/// </summary>
public interface IPersistentState<TState>
{
    TState State { get; set; }

    /// <summary>The version last read or written; null when nothing is stored.</summary>
    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <exception cref="InconsistentStateException">Someone else wrote the state since it was read; the activation is dropped.</exception>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
