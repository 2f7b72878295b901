namespace BudgetActors.Runtime;

/// <summary>
/// Base class of the generated grain proxies: a grain identity plus the invoker that carries its calls.
/// </summary>
public abstract class GrainReference : IAddressable
{
    protected GrainReference(GrainId grainId, IGrainCallInvoker invoker)
    {
        GrainId = grainId;
        Invoker = invoker;
    }

    public GrainId GrainId { get; }

    protected IGrainCallInvoker Invoker { get; }

    /// <summary>
    /// The activation this reference last reached inside this silo, kept so the hot path skips the
    /// directory lookup. The runtime checks it is still valid before using it.
    /// </summary>
    internal object? CachedTarget { get; set; }

    public override string ToString() => GrainId.ToString();

    public override bool Equals(object? obj) => obj is GrainReference other && other.GrainId == GrainId;

    public override int GetHashCode() => GrainId.GetHashCode();
}
