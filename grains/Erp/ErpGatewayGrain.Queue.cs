using Orleans.Storage;

namespace BudgetActors.Grains.Erp;

// The durable queue: one row per waiting export, and the queue record with the head and the counters.
public sealed partial class ErpGatewayGrain
{
    /// <summary>
    /// Runs a write after any write still in flight. The grain is reentrant, so an export queued while the
    /// worker saves a finished one would otherwise write the queue record with the same version and fail the
    /// ETag check; and sequence numbers are taken in turn, so a failed row write leaves no gap.
    /// </summary>
    private Task WriteInTurnAsync(Func<Task> write)
    {
        var previous = _lastWrite;
        return _lastWrite = WriteAfterAsync(previous);

        async Task WriteAfterAsync(Task before)
        {
            // How the earlier write went is its own caller's business; this one still writes (back on the activation).
            await before.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            await write();
        }
    }

    /// <summary>Writes the export's row at the tail; only then may the worker send it.</summary>
    private async Task AppendAsync(ExportRequest request)
    {
        var row = new QueuedExport(_tail, request);
        await WriteRowAsync(row);
        _tail++;
        _exports.Enqueue(row);
    }

    /// <summary>Records a finished export: the head moves past it (with the counters), then its row goes.</summary>
    private async Task FinishAsync(QueuedExport row)
    {
        queue.State = queue.State with { Head = row.Sequence + 1, Purged = _purged, Completed = queue.State.Completed + 1 };
        await queue.WriteStateAsync();
        await ClearRowAsync(row);
        if (_purged == row.Sequence)
        {
            _purged++; // recorded with the next write of the queue record
        }
    }

    /// <summary>
    /// Finds the waiting exports again: from the head, each row until the first missing one. Also finishes
    /// deletes cut short, and moves a queue stored whole (before exports had rows) into rows.
    /// </summary>
    private async Task LoadQueueAsync(CancellationToken cancellationToken)
    {
        var state = queue.State;
        for (var sequence = state.Purged; sequence < state.Head; sequence++)
        {
            var done = QueuedExport.ToRead(sequence);
            await _rows.ReadStateAsync(done.StateName, this.GetGrainId(), done, cancellationToken);
            if (done.RecordExists)
            {
                await ClearRowAsync(done);
            }
        }

        _purged = state.Head;
        for (_tail = state.Head; ; _tail++)
        {
            var row = QueuedExport.ToRead(_tail);
            await _rows.ReadStateAsync(row.StateName, this.GetGrainId(), row, cancellationToken);
            if (!row.RecordExists)
            {
                break;
            }

            _exports.Enqueue(row);
            _queued[row.State.IdempotencyKey] = Task.CompletedTask;
        }

        foreach (var request in state.Exports.Where(e => !_queued.ContainsKey(e.IdempotencyKey)))
        {
            await AppendAsync(request);
            _queued[request.IdempotencyKey] = Task.CompletedTask;
        }

        if (!state.Exports.IsEmpty || state.Purged != _purged)
        {
            queue.State = state with { Exports = [], Purged = _purged };
            await queue.WriteStateAsync(cancellationToken);
        }
    }

    private async Task WriteRowAsync(QueuedExport row)
    {
        try
        {
            await _rows.WriteStateAsync(row.StateName, this.GetGrainId(), row, CancellationToken.None);
        }
        catch (InconsistentStateException)
        {
            DeactivateOnIdle(); // another activation wrote this row: this one's view of the queue is stale
            throw;
        }
    }

    private async Task ClearRowAsync(QueuedExport row)
    {
        try
        {
            await _rows.ClearStateAsync(row.StateName, this.GetGrainId(), row, CancellationToken.None);
        }
        catch (InconsistentStateException)
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task RegisterQueueReminderAsync()
    {
        // Flagged first: exports queued meanwhile need not register it again.
        _reminderRegistered = true;
        try
        {
            await this.RegisterOrUpdateReminder(QueueReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
        catch
        {
            _reminderRegistered = false;
            throw;
        }
    }

    private async Task UnregisterQueueReminderAsync()
    {
        _reminderRegistered = false;
        if (await this.GetReminder(QueueReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        if (_queued.Count > 0 && !_reminderRegistered)
        {
            await RegisterQueueReminderAsync(); // an export was queued while the reminder went
        }
    }
}
