using System.Collections.Concurrent;

namespace BudgetActors.Erp;

/// <summary>
/// An ERP in memory that keeps the real ones' rules: unknown phases are refused, postings are applied once
/// per idempotency key, and it counts calls in flight per company so tests can prove they never overlap.
/// Faults can be queued per company.
/// </summary>
public sealed class InMemoryErp(ErpSystem system) : IErpConnector
{
    private readonly ConcurrentDictionary<string, InMemoryErpCompany> _companies = new(StringComparer.Ordinal);

    public ErpSystem System { get; } = system;

    /// <summary>How long each call takes (default: no delay beyond a yield).</summary>
    public TimeSpan Latency { get; set; }

    public InMemoryErpCompany Company(string companyCode) => _companies.GetOrAdd(companyCode, _ => new InMemoryErpCompany());

    public Task<ErpJobInfo?> GetJobAsync(string companyCode, string erpJob, CancellationToken cancellationToken) =>
        CallAsync(companyCode, company => company.Jobs.TryGetValue(erpJob, out var job)
            ? new ErpJobInfo(erpJob, job.Name, job.Phases.Values.Any(p => p.OriginalEstimate != 0))
            : null, cancellationToken);

    public Task<IReadOnlyList<ErpEstimate>> GetEstimatesAsync(string companyCode, string erpJob, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<ErpEstimate>>(companyCode, company => company.Jobs.TryGetValue(erpJob, out var job)
            ? [.. job.Phases.OrderBy(p => p.Key.CostCode, StringComparer.Ordinal).Select(p => new ErpEstimate(p.Key.CostCode, p.Key.Category, p.Value.Description, p.Value.OriginalEstimate, p.Value.JobToDateCost))]
            : throw new ErpException(new ErpError("M", $"Job {erpJob} does not exist", "Job"), isTransient: false), cancellationToken);

    public Task<IReadOnlyList<string>> ListCostCodesAsync(string companyCode, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<string>>(companyCode, company => [.. company.CostCodes.Order(StringComparer.Ordinal)], cancellationToken);

    /// <summary>While set and not completed, postings wait for it (tests use it to hold an export in flight).</summary>
    public TaskCompletionSource? PostingGate { get; set; }

    public async Task PostEstimatesAsync(string companyCode, ExportRequest request, CancellationToken cancellationToken)
    {
        if (PostingGate is { } gate)
        {
            // The posting has reached the ERP: a caller that gives up (or a silo that stops) no longer
            // takes it back, so neither the hold nor the posting after it observe the caller's token, nor
            // wait for the caller's context (the grain that sent it may be gone by then).
            Company(companyCode).Holding(request.IdempotencyKey);
            await gate.Task.ConfigureAwait(false);
            await PostAsync(companyCode, request, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        await PostAsync(companyCode, request, cancellationToken);
    }

    private Task PostAsync(string companyCode, ExportRequest request, CancellationToken cancellationToken) =>
        CallAsync(companyCode, company =>
        {
            if (!company.AppliedKeys.Add(request.IdempotencyKey))
            {
                return true; // applied before: a retry of a posting that already went through
            }

            if (!company.Jobs.TryGetValue(request.ErpJob, out var job))
            {
                company.AppliedKeys.Remove(request.IdempotencyKey);
                throw new ErpException(new ErpError("M", $"Job {request.ErpJob} does not exist", "Job"), isTransient: false);
            }

            if (request.Lines.FirstOrDefault(l => !company.CostCodes.Contains(l.CostCode)) is { } unknown)
            {
                company.AppliedKeys.Remove(request.IdempotencyKey);
                throw new ErpException(new ErpError("I", $"Phase {unknown.CostCode} is not valid", "Phase"), isTransient: false);
            }

            foreach (var line in request.Lines)
            {
                var jobToDate = job.Phases.TryGetValue(line.Key, out var old) ? old.JobToDateCost : 0;
                job.Phases[line.Key] = new ErpPhase(old?.Description ?? line.CostCode, line.Original, line.Revised, jobToDate);
            }

            company.PostingsApplied++;
            company.AppliedPostings.Add(request);
            return true;
        }, cancellationToken);

    private int _inFlight;

    /// <summary>The most calls in flight at once across all companies (different companies may overlap).</summary>
    public int MaxConcurrentCallsOverall { get; private set; }

    private async Task<T> CallAsync<T>(string companyCode, Func<InMemoryErpCompany, T> call, CancellationToken cancellationToken)
    {
        var company = Company(companyCode);
        lock (company.Sync)
        {
            company.Calls++;
            company.MaxConcurrentCalls = Math.Max(company.MaxConcurrentCalls, ++company.InFlight);
        }

        lock (_companies)
        {
            MaxConcurrentCallsOverall = Math.Max(MaxConcurrentCallsOverall, ++_inFlight);
        }

        try
        {
            // Every call really is asynchronous, as over a network: overlapping calls would be seen.
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency, cancellationToken);
            }
            else
            {
                await Task.Yield();
            }

            lock (company.Sync)
            {
                if (company.Faults.TryDequeue(out var fault))
                {
                    throw fault;
                }

                return call(company);
            }
        }
        finally
        {
            lock (company.Sync)
            {
                company.InFlight--;
            }

            lock (_companies)
            {
                _inFlight--;
            }
        }
    }
}
