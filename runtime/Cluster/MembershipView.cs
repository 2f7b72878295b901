namespace BudgetActors.Runtime;

/// <summary>
/// The live silos as one silo sees them. <see cref="Stamp"/> is computed from the silos alone, so two
/// processes holding the same view hold the same stamp: a caller whose stamp differs from the answering
/// silo's knows its view is out of date.
/// </summary>
public sealed record MembershipView
{
    public MembershipView(IEnumerable<SiloAddress> silos)
    {
        Silos = [.. silos.OrderBy(s => s.Id, StringComparer.Ordinal)];
        var stamp = 14695981039346656037UL;
        foreach (var c in string.Join(',', Silos.Select(s => s.Id)))
        {
            stamp = (stamp ^ c) * 1099511628211UL;
        }

        Stamp = (long)(stamp >> 1);
    }

    public static MembershipView Empty { get; } = new([]);

    public IReadOnlyList<SiloAddress> Silos { get; }

    public long Stamp { get; }

    public bool Contains(SiloAddress silo) => Silos.Contains(silo);
}
