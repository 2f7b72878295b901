namespace BudgetActors.Runtime;

/// <summary>
/// Where a grain lives: the live silo with the highest hash of (grain, silo). Every silo and client with
/// the same view computes the same owner, and when a silo joins or leaves only the grains it wins or
/// held move.
/// </summary>
public static class RendezvousPlacement
{
    public static SiloAddress Owner(GrainId grain, IReadOnlyList<SiloAddress> silos)
    {
        if (silos.Count == 0)
        {
            throw new SiloUnavailableException($"No silo is available to run {grain}.");
        }

        var grainHash = Hash(Hash(14695981039346656037UL, grain.Type), grain.Key);
        SiloAddress? best = null;
        var bestScore = 0UL;
        foreach (var silo in silos)
        {
            var score = Mix(Hash(grainHash, silo.Id));
            if (best is null || score > bestScore || (score == bestScore && string.CompareOrdinal(silo.Id, best.Id) > 0))
            {
                best = silo;
                bestScore = score;
            }
        }

        return best!;
    }

    // FNV-1a over UTF-16 code units: stable across processes and .NET versions (string.GetHashCode is not).
    private static ulong Hash(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (hash ^ 0xFF) * 1099511628211UL;
    }

    // A finalizer (splitmix64) so silos whose ids differ in one digit still get independent scores.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
