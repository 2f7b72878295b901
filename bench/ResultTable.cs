namespace BudgetActors.Benchmarks;

/// <summary>The printed result of a benchmark run: one row per figure, with its baseline, ratio and target.</summary>
internal sealed class ResultTable(string title)
{
    private static readonly string[] s_headers = ["measure", "result", "baseline", "ratio", "target", "met"];
    private readonly List<string[]> _rows = [];

    public void Add(string measure, string result, string baseline, string ratio, string target, bool met) =>
        _rows.Add([measure, result, baseline, ratio, target, met ? "yes" : "NO"]);

    public void Print(TextWriter output)
    {
        var widths = s_headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine();
        output.WriteLine(title);
        output.WriteLine(Line(s_headers));
        output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            output.WriteLine(Line(row));
        }

        string Line(string[] cells) => string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i])));
    }
}
