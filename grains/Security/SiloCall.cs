namespace BudgetActors.Grains.Security;

/// <summary>
/// A call the silo's own code makes for <see cref="Caller"/>, carrying the service's mark. It travels under
/// <see cref="CallerContext.CallerKey"/> itself, so it is not a caller (<see cref="CallerContext.Caller"/>
/// reads none) until the receiving silo has checked the mark and put <see cref="Caller"/> there instead: one
/// request-context entry per call, and the mark goes no further than the call it came with.
/// </summary>
[GenerateSerializer, Immutable, Alias("silo-call")]
internal sealed record SiloCall([property: Id(0)] CallerIdentity Caller, [property: Id(1)] string Mark)
{
    /// <summary>The mark stays out of logs and exception messages.</summary>
    public override string ToString() => $"{Caller} (the silo's own call)";
}
