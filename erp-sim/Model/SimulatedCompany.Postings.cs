namespace BudgetActors.ErpSimulator;

/// <summary>Postings: validation, application once per batch key, and Vista's action queue. Callers hold <see cref="Sync"/>.</summary>
public sealed partial class SimulatedCompany
{
    /// <summary>Spectrum: validates and applies a posting, all or nothing; a repeated batch key is acknowledged without applying it again.</summary>
    internal PostingResult ApplyPostingOnce(string batchKey, string job, IReadOnlyList<PostingLine> lines, PostingNames names)
    {
        if (_faults.HonourBatchKeys && _appliedKeys.Contains(batchKey))
        {
            return new PostingResult(null, Duplicate: true, null);
        }

        var result = Apply(job, lines, names);
        if (result.Refusal is null)
        {
            _appliedKeys.Add(batchKey);
            _journal.Applied(batchKey);
        }

        return result;
    }

    private PostingResult Apply(string job, IReadOnlyList<PostingLine> lines, PostingNames names)
    {
        if (Validate(job, lines, names) is { } refusal)
        {
            return new PostingResult(refusal, false, null);
        }

        var target = Jobs[job];
        string? warning = null;
        foreach (var line in lines)
        {
            if (!target.Phases.TryGetValue((line.CostCode, line.CostType), out var phase))
            {
                phase = new SimulatedPhase(line.Description ?? line.CostCode, 0, 0, 0);
                target.Phases[(line.CostCode, line.CostType)] = phase;
            }

            if (line.Description is { Length: > 0 } description)
            {
                phase.Description = description;
            }

            if (line.OriginalEstimate is { } original)
            {
                // A change of the original estimate moves the current one with it (Vista: current = original + change orders).
                if (line.CurrentEstimate is null)
                {
                    phase.CurrentEstimate += original - phase.OriginalEstimate;
                }

                phase.OriginalEstimate = original;
            }

            if (line.CurrentEstimate is { } current)
            {
                phase.CurrentEstimate = current;
            }

            phase.CurrentEstimate += line.ChangeOrderAmount;
            if (phase.CurrentEstimate < phase.JobToDateCost)
            {
                warning = $"Current estimate of {line.CostCode}/{line.CostType} is below its job-to-date cost";
            }
        }

        return new PostingResult(null, false, warning);
    }

    private ErpRefusal? Validate(string job, IReadOnlyList<PostingLine> lines, PostingNames names)
    {
        if (!Jobs.TryGetValue(job, out var target))
        {
            return new ErpRefusal(names.Missing, $"Job {job} does not exist", names.Job);
        }

        if (target.Closed)
        {
            return new ErpRefusal(names.Invalid, $"Job {job} is closed", names.Job);
        }

        if (lines.Count == 0)
        {
            return new ErpRefusal(names.Missing, "The posting has no phases", names.Phase);
        }

        foreach (var line in lines)
        {
            if (!CostCodes.Contains(line.CostCode))
            {
                return new ErpRefusal(names.Invalid, $"Phase {line.CostCode} is not valid", names.Phase);
            }

            if (line.CostType.Length is 0 or > 3)
            {
                return new ErpRefusal(names.Invalid, $"Cost type '{line.CostType}' is not valid", names.CostType);
            }

            if (line.OriginalEstimate < 0)
            {
                return new ErpRefusal(names.Invalid, $"The original estimate of {line.CostCode}/{line.CostType} is negative", names.Original);
            }
        }

        return null;
    }

    /// <summary>Vista: queues an action, or returns the one already submitted under the same key.</summary>
    internal (VistaAction Action, bool Created) SubmitAction(string batchKey, string job, IReadOnlyList<PostingLine> lines)
    {
        if (_faults.HonourBatchKeys && _actionsByKey.TryGetValue(batchKey, out var existing))
        {
            return (existing, false);
        }

        var action = new VistaAction(Guid.NewGuid().ToString("N"), batchKey, job, lines, _time.GetUtcNow().AddMilliseconds(_faults.ActionDelayMs));
        _actions[action.Id] = action;
        _actionsByKey[batchKey] = action;
        ProcessDueActions();
        return (action, true);
    }

    internal VistaAction? FindAction(string id) => _actions.GetValueOrDefault(id);

    /// <summary>Vista processes queued actions in the background; here, whenever the company is next called.</summary>
    internal void ProcessDueActions()
    {
        var now = _time.GetUtcNow();
        foreach (var action in _actions.Values.Where(a => a.Status == "queued" && a.Due <= now).ToList())
        {
            // A repeated key found its action at submit; each action is applied once, so a key applied
            // twice means the company was told to ignore keys and the journal flags it.
            var result = Apply(action.Job, action.Lines, PostingNames.Vista);
            if (result.Refusal is null)
            {
                _journal.Applied(action.BatchKey);
            }

            (action.Status, action.Error) = result.Refusal is { } refusal ? ("failed", refusal) : ("done", null);
        }
    }
}
