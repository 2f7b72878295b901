using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace BudgetActors.Erp.Vista;

/// <summary>
/// Vista over REST: an <c>X-Api-Key</c> per company, paged reads (<c>limit</c> up to 1000, <c>offset</c>) of
/// jobs, job phases/cost types with original estimates, job cost and the phase master, and writes through
/// the action queue (submit, then poll until done or failed). Original budgets go as JC original estimates;
/// budget changes as an internal JC change order for the difference between the revised budget and what
/// Vista holds. A 429 is waited out (Retry-After), a bounded number of times.
/// </summary>
public sealed class VistaConnector(HttpClient http, VistaOptions options, TimeProvider time, ILogger<VistaConnector> logger) : IErpConnector
{
    public ErpSystem System => ErpSystem.Vista;

    public async Task<ErpJobInfo?> GetJobAsync(string companyCode, string erpJob, CancellationToken cancellationToken)
    {
        var jobs = await GetPagesAsync(companyCode, $"jobs?job={Uri.EscapeDataString(erpJob)}&", VistaJsonContext.Default.VistaPageVistaJob, "read jobs", cancellationToken);
        if (jobs.FirstOrDefault(j => j.Job == erpJob) is not { } job)
        {
            return null;
        }

        var phases = await GetPhasesAsync(companyCode, erpJob, cancellationToken);
        return new ErpJobInfo(erpJob, job.Description ?? "", phases.Any(p => p.OrigEstCost != 0));
    }

    public async Task<IReadOnlyList<ErpEstimate>> GetEstimatesAsync(string companyCode, string erpJob, CancellationToken cancellationToken)
    {
        var phases = await GetPhasesAsync(companyCode, erpJob, cancellationToken);
        var costs = await GetPagesAsync(companyCode, $"jobs/{Uri.EscapeDataString(erpJob)}/jobcost?", VistaJsonContext.Default.VistaPageVistaJobCost, "read job cost", cancellationToken);
        var actual = costs.GroupBy(c => (Phase: Required(c.Phase, "phase"), CostType: Required(c.CostType, "costType"))).ToDictionary(g => g.Key, g => g.Sum(c => c.ActualCost));
        var estimates = phases.Select(p => (Key: (Phase: Required(p.Phase, "phase"), CostType: Required(p.CostType, "costType")), p.Description, p.OrigEstCost)).ToList();
        var costOnly = actual.Keys.Except(estimates.Select(e => e.Key)).Select(k => (Key: k, Description: (string?)k.Phase, OrigEstCost: 0m));
        return [.. estimates.Concat(costOnly)
            .OrderBy(e => e.Key.Phase, StringComparer.Ordinal).ThenBy(e => e.Key.CostType, StringComparer.Ordinal)
            .Select(e => new ErpEstimate(e.Key.Phase, e.Key.CostType, e.Description ?? "", e.OrigEstCost, actual.GetValueOrDefault(e.Key)))];
    }

    public async Task<IReadOnlyList<string>> ListCostCodesAsync(string companyCode, CancellationToken cancellationToken)
    {
        var phases = await GetPagesAsync(companyCode, "phases?", VistaJsonContext.Default.VistaPageVistaPhaseMaster, "read phase master", cancellationToken);
        return [.. phases.Select(p => Required(p.Phase, "phase")).Distinct(StringComparer.Ordinal)];
    }

    public async Task PostEstimatesAsync(string companyCode, ExportRequest request, CancellationToken cancellationToken)
    {
        var batch = ErpBatchId.For(request.IdempotencyKey);
        var action = await SubmitAsync(companyCode, batch, await ActionForAsync(companyCode, request, batch, cancellationToken), cancellationToken);

        // The deadline is on the injected clock, so tests can run it out without waiting.
        var deadline = time.GetUtcNow() + options.ActionTimeout;
        while (action.Status is not ("done" or "failed"))
        {
            if (time.GetUtcNow() >= deadline)
            {
                throw ErpFaults.Transient("ActionPending", $"Vista action {action.Id} was still {action.Status} after {options.ActionTimeout}");
            }

            await Task.Delay(options.ActionPollInterval, time, cancellationToken);
            var (status, body) = await SendAsync(companyCode, HttpMethod.Get, $"actions/{Uri.EscapeDataString(action.Id!)}", null, null, "poll action", cancellationToken);
            action = Read(companyCode, "poll action", status, body, VistaJsonContext.Default.VistaActionStatus);
        }

        if (action.Status == "failed")
        {
            var error = action.Error ?? new VistaError("Failed", "Vista refused the action", null);
            var refused = ErpFaults.Refused(error.Code ?? "Failed", error.Message ?? "Vista refused the action", error.Field);
            ErpLog.Refused(logger, ErpSystem.Vista, companyCode, "apply action", refused.Error);
            throw refused;
        }
    }

    /// <summary>
    /// The action that brings the job to the export's amounts: original estimates as they are, and one change
    /// order for what the current estimates lack. A retry after the action went through reads the new
    /// amounts and computes no change, and its Idempotency-Key finds the action already submitted anyway.
    /// </summary>
    private async Task<VistaActionRequest> ActionForAsync(string companyCode, ExportRequest request, Guid batch, CancellationToken cancellationToken)
    {
        var held = (await GetPhasesAsync(companyCode, request.ErpJob, cancellationToken))
            .ToDictionary(p => (Required(p.Phase, "phase"), Required(p.CostType, "costType")), p => p.CurrEstCost - p.OrigEstCost);
        var items = request.Lines
            .Select(l => new VistaChangeOrderItem(l.CostCode, l.Category, l.Revised - l.Original - held.GetValueOrDefault((l.CostCode, l.Category))))
            .Where(i => i.Amount != 0)
            .ToList();
        VistaChangeOrder[] changeOrders = items.Count == 0 ? [] : [new VistaChangeOrder($"BA{batch:N}"[..10].ToUpperInvariant(), $"Budget changes {request.IdempotencyKey}", items)];
        return new VistaActionRequest("JCBudgetUpdate", request.ErpJob,
            [.. request.Lines.Select(l => new VistaOriginalEstimate(l.CostCode, l.Category, l.Original))], changeOrders);
    }

    private async Task<VistaActionStatus> SubmitAsync(string companyCode, Guid batch, VistaActionRequest action, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(action, VistaJsonContext.Default.VistaActionRequest);
        var (status, body) = await SendAsync(companyCode, HttpMethod.Post, "actions", json, batch.ToString("D"), "submit action", cancellationToken);
        var submitted = Read(companyCode, "submit action", status, body, VistaJsonContext.Default.VistaActionStatus);
        return submitted.Id is { Length: > 0 } ? submitted : throw ErpFaults.Unreadable(ErpSystem.Vista, "the submitted action has no id");
    }

    private Task<IReadOnlyList<VistaJobPhase>> GetPhasesAsync(string companyCode, string erpJob, CancellationToken cancellationToken) =>
        GetPagesAsync(companyCode, $"jobs/{Uri.EscapeDataString(erpJob)}/phases?", VistaJsonContext.Default.VistaPageVistaJobPhase, "read job phases", cancellationToken);

    /// <summary>Every row of a paged resource, <see cref="VistaOptions.PageSize"/> at a time.</summary>
    private async Task<IReadOnlyList<T>> GetPagesAsync<T>(string companyCode, string pathAndQuery, JsonTypeInfo<VistaPage<T>> type, string operation, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        while (true)
        {
            var (status, body) = await SendAsync(companyCode, HttpMethod.Get, $"{pathAndQuery}limit={options.PageSize}&offset={rows.Count}", null, null, operation, cancellationToken);
            var page = Read(companyCode, operation, status, body, type);
            var items = page.Items ?? throw ErpFaults.Unreadable(ErpSystem.Vista, "a page has no items");
            rows.AddRange(items);

            // An empty page ends the read even if the total says otherwise: a wrong total must not loop forever.
            if (items.Count == 0 || rows.Count >= page.Total)
            {
                return rows;
            }
        }
    }

    /// <summary>One HTTP call, waiting out 429s (Retry-After, capped) up to <see cref="VistaOptions.MaxRateLimitRetries"/> times.</summary>
    private async Task<(HttpStatusCode Status, string Body)> SendAsync(
        string companyCode, HttpMethod method, string path, string? json, string? idempotencyKey, string operation, CancellationToken cancellationToken)
    {
        if (!options.Companies.TryGetValue(companyCode, out var company) || company.BaseUrl is null)
        {
            throw ErpFaults.NotConfigured(ErpSystem.Vista, companyCode);
        }

        for (var attempt = 0; ; attempt++)
        {
            ErpLog.Calling(logger, ErpSystem.Vista, companyCode, operation);
            using var request = new HttpRequestMessage(method, ErpHttp.Combine(company.BaseUrl, $"vista/companies/{Uri.EscapeDataString(companyCode)}/{path}"));
            request.Headers.Add("X-Api-Key", company.ApiKey);
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            (HttpStatusCode Status, string Body, TimeSpan? RetryAfter) answer;
            try
            {
                answer = await ErpHttp.SendAsync(http, request, options.RequestTimeout, time, cancellationToken);
            }
            catch (ErpException exception)
            {
                ErpLog.Transient(logger, ErpSystem.Vista, companyCode, operation, exception.Error.Text);
                throw;
            }

            if (answer.Status != HttpStatusCode.TooManyRequests)
            {
                return (answer.Status, answer.Body);
            }

            if (attempt >= options.MaxRateLimitRetries)
            {
                ErpLog.Transient(logger, ErpSystem.Vista, companyCode, operation, "rate limited");
                throw ErpFaults.Transient("RateLimited", $"Vista kept answering 429 to {operation} after {attempt + 1} tries");
            }

            var wait = answer.RetryAfter is { } retryAfter ? TimeSpan.FromTicks(Math.Min(retryAfter.Ticks, options.MaxRetryAfter.Ticks)) : options.ActionPollInterval;
            ErpLog.RateLimited(logger, ErpSystem.Vista, companyCode, operation, wait);
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>The answer's JSON when the call succeeded; otherwise the ERP's refusal or a transient fault.</summary>
    private T Read<T>(string companyCode, string operation, HttpStatusCode status, string body, JsonTypeInfo<T> type)
    {
        if ((int)status is >= 200 and < 300)
        {
            try
            {
                return JsonSerializer.Deserialize(body, type) ?? throw new JsonException("the answer is null");
            }
            catch (JsonException exception)
            {
                ErpLog.Unreadable(logger, ErpSystem.Vista, companyCode, operation, exception.Message);
                throw ErpFaults.Unreadable(ErpSystem.Vista, exception.Message, exception);
            }
        }

        var error = TryError(body);
        if (ErpHttp.IsTransient(status))
        {
            ErpLog.Transient(logger, ErpSystem.Vista, companyCode, operation, $"{(int)status} {error?.Message}");
            throw ErpFaults.Transient(error?.Code ?? "Unavailable", $"Vista answered {(int)status}{(error?.Message is { } m ? ": " + m : "")}");
        }

        // 400/401/403/404/409/422: Vista's validation says what is wrong, and would say it again.
        var refused = ErpFaults.Refused(error?.Code ?? ((int)status).ToString(global::System.Globalization.CultureInfo.InvariantCulture),
            error?.Message ?? $"Vista answered {(int)status} {status}", error?.Field);
        ErpLog.Refused(logger, ErpSystem.Vista, companyCode, operation, refused.Error);
        throw refused;
    }

    private static VistaError? TryError(string body)
    {
        try
        {
            return body.Length > 0 ? JsonSerializer.Deserialize(body, VistaJsonContext.Default.VistaError) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Required(string? value, string name) =>
        value is { Length: > 0 } ? value : throw ErpFaults.Unreadable(ErpSystem.Vista, $"a row has no {name}");
}
