namespace BudgetActors.Runtime;

/// <summary>
/// One silo's figures at one moment, as it reports them to whoever asks (the dashboard of any silo):
/// counters since it started, so that two reports subtract into the rates of the time between them.
/// </summary>
/// <param name="Silo">The silo's address (<c>host:port@generation</c>), or its name when it has no endpoint.</param>
/// <param name="Reachable">False for a live member that did not answer in time; its figures are then empty.</param>
/// <param name="ProcessorTime">CPU time the silo's process has used since it started, all cores together.</param>
public sealed record SiloReport(
    string Silo,
    string Name,
    bool Reachable,
    bool IsServing,
    DateTimeOffset At,
    DateTimeOffset StartedAt,
    TimeSpan ProcessorTime,
    int ProcessorCount,
    long WorkingSetBytes,
    long ManagedHeapBytes,
    IReadOnlyDictionary<string, int> Activations,
    IReadOnlyList<MethodCallSnapshot> Methods)
{
    /// <summary>A member that did not answer: listed, with nothing to count.</summary>
    public static SiloReport Unreachable(SiloAddress silo, DateTimeOffset at) =>
        new(silo.Id, silo.Id, Reachable: false, IsServing: false, at, at, TimeSpan.Zero, 1, 0, 0, new Dictionary<string, int>(), []);
}
