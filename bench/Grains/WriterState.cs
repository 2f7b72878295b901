namespace BudgetActors.Benchmarks.Grains;

/// <summary>
/// A state the size of a small budget's (about 600 bytes of JSON): a few fields and five lines. The raw
/// contender writes exactly these bytes.
/// </summary>
public sealed class WriterState
{
    public long Version { get; set; }

    public string Status { get; set; } = "Locked";

    public List<WriterLine> Lines { get; set; } = [];

    public static WriterState Sample(long version) => new()
    {
        Version = version,
        Lines = [.. Enumerable.Range(0, 5).Select(l => new WriterLine($"0{l}-100", "L", $"Line {l} of the budget", 1_000m + l + version))],
    };
}

/// <summary>One line of <see cref="WriterState"/>.</summary>
public sealed record WriterLine(string CostCode, string Category, string Description, decimal Amount);
