namespace BudgetActors.Runtime;

/// <summary>
/// A write or clear found a different version in storage than the one the activation read: another
/// activation (or silo) wrote in between. The activation is dropped so the next call reloads the state.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException()
    {
    }

    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InconsistentStateException(GrainId grainId, string stateName, string? expectedEtag, string? storedEtag)
        : base($"State '{stateName}' of {grainId} was changed by someone else: expected version {expectedEtag ?? "(none)"}, found {storedEtag ?? "(none)"}.")
    {
        StoredEtag = storedEtag;
        CurrentEtag = expectedEtag;
    }

    /// <summary>The version found in storage, when known.</summary>
    public string? StoredEtag { get; }

    /// <summary>The version the activation held.</summary>
    public string? CurrentEtag { get; }
}
