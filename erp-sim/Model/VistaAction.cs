namespace BudgetActors.ErpSimulator;

/// <summary>A write queued in a Vista company: processed once due, then done or failed (guarded by the company's lock).</summary>
internal sealed class VistaAction(string id, string batchKey, string job, IReadOnlyList<PostingLine> lines, DateTimeOffset due)
{
    public string Id { get; } = id;

    public string BatchKey { get; } = batchKey;

    public string Job { get; } = job;

    public IReadOnlyList<PostingLine> Lines { get; } = lines;

    public DateTimeOffset Due { get; } = due;

    /// <summary><c>queued</c>, <c>done</c> or <c>failed</c>.</summary>
    public string Status { get; set; } = "queued";

    public ErpRefusal? Error { get; set; }
}
