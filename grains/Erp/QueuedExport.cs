using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace BudgetActors.Grains.Erp;

/// <summary>
/// One waiting export as its own state row of the gateway (<c>export-&lt;sequence&gt;</c>): written once when it is
/// queued, deleted once it is done. The sequence numbers of waiting exports are contiguous from the gateway's
/// head, which is how a new activation finds them again.
/// </summary>
internal sealed class QueuedExport(long sequence, ExportRequest request) : IGrainState<ExportRequest>
{
    public long Sequence { get; } = sequence;

    public string StateName => NameOf(Sequence);

    [AllowNull]
    public ExportRequest State { get; set; } = request;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    /// <summary>A row about to be read: what it holds replaces the placeholder if it exists.</summary>
    public static QueuedExport ToRead(long sequence) => new(sequence, new ExportRequest("", 0, "", []));

    public static string NameOf(long sequence) => "export-" + sequence.ToString(CultureInfo.InvariantCulture);
}
