namespace BudgetActors.ErpSimulator;

/// <summary>
/// Every call one company received, with the evidence the workflow's guarantees rest on: calls that were
/// in flight together (overlaps) and postings applied more than once. Overlap is judged by what was in
/// flight when a call began, not by comparing timestamps, so a coarse clock cannot hide or invent one.
/// </summary>
internal sealed class CallJournal(TimeProvider time)
{
    private readonly Lock _sync = new();
    private readonly List<JournalEntry> _entries = [];
    private readonly Dictionary<long, int> _inFlight = []; // sequence -> index in _entries
    private readonly List<JournalOverlap> _overlaps = [];
    private readonly Dictionary<string, int> _applied = new(StringComparer.Ordinal);
    private long _postingsApplied;
    private long _sequence;

    public long Begin(string operation, string? batchKey)
    {
        lock (_sync)
        {
            var sequence = ++_sequence;
            var overlapped = _inFlight.Count > 0;
            foreach (var (other, index) in _inFlight)
            {
                _overlaps.Add(new JournalOverlap(other, sequence));
                _entries[index] = _entries[index] with { Overlapped = true };
            }

            _inFlight[sequence] = _entries.Count;
            _entries.Add(new JournalEntry(sequence, operation, batchKey, time.GetUtcNow(), null, "running", overlapped));
            return sequence;
        }
    }

    public void End(long sequence, string outcome)
    {
        lock (_sync)
        {
            if (_inFlight.Remove(sequence, out var index))
            {
                _entries[index] = _entries[index] with { End = time.GetUtcNow(), Outcome = outcome };
            }
        }
    }

    /// <summary>Records that the posting with <paramref name="batchKey"/> changed the company's data.</summary>
    public void Applied(string batchKey)
    {
        lock (_sync)
        {
            _applied[batchKey] = _applied.GetValueOrDefault(batchKey) + 1;
            _postingsApplied++;
        }
    }

    public JournalReport Report(SimulatedSystem system, string company, int? tail)
    {
        lock (_sync)
        {
            var entries = tail is { } n ? _entries.Skip(Math.Max(0, _entries.Count - n)) : _entries;
            return new JournalReport(
                system, company, _entries.Count, _postingsApplied, [.. _overlaps],
                [.. _applied.Where(a => a.Value > 1).Select(a => a.Key).Order(StringComparer.Ordinal)],
                [.. entries]);
        }
    }

    public void Clear()
    {
        lock (_sync)
        {
            // Calls still in flight keep their place so their end is recorded against the right entry.
            var running = _inFlight.Keys.ToHashSet();
            _entries.RemoveAll(e => !running.Contains(e.Sequence));
            _inFlight.Clear();
            for (var i = 0; i < _entries.Count; i++)
            {
                _inFlight[_entries[i].Sequence] = i;
            }

            _overlaps.Clear();
            _applied.Clear();
            _postingsApplied = 0;
        }
    }
}
