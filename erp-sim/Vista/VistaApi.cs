using System.Text.Json;

namespace BudgetActors.ErpSimulator;

/// <summary>
/// Vista as a REST API under <c>/vista/companies/{jcco}</c>: an <c>X-Api-Key</c> header per company, paged
/// reads (<c>limit</c> up to 1000, <c>offset</c>), writes as actions (202, then poll until done or failed),
/// and 429 with Retry-After when rate limited.
/// </summary>
public static class VistaApi
{
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapVistaApi(this IEndpointRouteBuilder app)
    {
        var company = app.MapGroup("/vista/companies/{jcco}");
        company.MapGet("/jobs", (string jcco, string? job, int? limit, int? offset, HttpRequest request, SimulatedErp erp, CancellationToken ct) =>
            ReadAsync(erp, jcco, request, "jobs", limit, offset, c => c.Jobs.Values
                .Where(j => job is null || j.Job == job)
                .Select(j => new VistaJob(JCCo(c), j.Job, j.Name, j.Closed ? "Closed" : "Open")), ct));
        company.MapGet("/jobs/{job}/phases", (string jcco, string job, int? limit, int? offset, HttpRequest request, SimulatedErp erp, CancellationToken ct) =>
            ReadAsync(erp, jcco, request, "job phases", limit, offset, c => c.Jobs.TryGetValue(job, out var j)
                ? j.Phases.Select(p => new VistaJobPhase(JCCo(c), j.Job, p.Key.CostCode, p.Key.CostType, p.Value.Description, p.Value.OriginalEstimate, p.Value.CurrentEstimate))
                : null, ct, job));
        company.MapGet("/jobs/{job}/jobcost", (string jcco, string job, int? limit, int? offset, HttpRequest request, SimulatedErp erp, CancellationToken ct) =>
            ReadAsync(erp, jcco, request, "job cost", limit, offset, c => c.Jobs.TryGetValue(job, out var j)
                ? j.Phases.Select(p => new VistaJobCost(JCCo(c), j.Job, p.Key.CostCode, p.Key.CostType, p.Value.JobToDateCost))
                : null, ct, job));
        company.MapGet("/phases", (string jcco, int? limit, int? offset, HttpRequest request, SimulatedErp erp, CancellationToken ct) =>
            ReadAsync(erp, jcco, request, "phase master", limit, offset, c => c.CostCodes.Select(p => new VistaPhaseMaster(p)), ct));
        company.MapPost("/actions", SubmitAsync);
        company.MapGet("/actions/{id}", (string jcco, string id, HttpRequest request, SimulatedErp erp, CancellationToken ct) =>
            CallAsync(erp, jcco, request, "get action", null, (c, outcome) => c.FindAction(id) is { } action
                ? Results.Ok(Status(action))
                : Error(StatusCodes.Status404NotFound, "NotFound", $"Action {id} does not exist", "id", outcome), ct));
        return app;
    }

    private static Task<IResult> ReadAsync<T>(
        SimulatedErp erp, string jcco, HttpRequest request, string operation, int? limit, int? offset,
        Func<SimulatedCompany, IEnumerable<T>?> rows, CancellationToken cancellationToken, string? job = null)
    {
        if (limit is < 1 or > MaxLimit || offset is < 0)
        {
            var field = limit is < 1 or > MaxLimit ? "limit" : "offset";
            return Task.FromResult(Error(StatusCodes.Status400BadRequest, "Invalid", $"{field} must be between {(field == "limit" ? $"1 and {MaxLimit}" : "0 and the total")}", field, null));
        }

        return CallAsync(erp, jcco, request, operation, null, (company, outcome) =>
        {
            if (rows(company)?.ToList() is not { } all)
            {
                return Error(StatusCodes.Status404NotFound, "NotFound", $"Job {job} does not exist", "Job", outcome);
            }

            var (skip, take) = (offset ?? 0, limit ?? 100);
            return Results.Ok(new VistaPage<T>([.. all.Skip(skip).Take(take)], skip, take, all.Count));
        }, cancellationToken);
    }

    private static async Task<IResult> SubmitAsync(string jcco, HttpRequest request, SimulatedErp erp, CancellationToken cancellationToken)
    {
        var key = request.Headers["Idempotency-Key"].ToString();
        VistaActionRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<VistaActionRequest>(cancellationToken);
        }
        catch (JsonException exception)
        {
            return Error(StatusCodes.Status400BadRequest, "Invalid", $"The action could not be read: {exception.Message}", null, null);
        }

        if (Invalid(key, body) is { } invalid)
        {
            return invalid;
        }

        var lines = body!.OriginalEstimates!.Select(o => new PostingLine(o.Phase, o.CostType, o.Description, o.OrigEstCost, null))
            .Concat((body.ChangeOrders ?? []).SelectMany(co => co.Items!.Select(i => new PostingLine(i.Phase, i.CostType, null, null, null, i.Amount))))
            .ToList();
        return await CallAsync(erp, jcco, request, "submit action", key, (company, outcome) =>
        {
            var (action, created) = company.SubmitAction(key, body.Job!, lines);
            outcome.Outcome = created ? "queued" : "duplicate";
            return created
                ? Results.Accepted($"/vista/companies/{jcco}/actions/{action.Id}", Status(action))
                : Results.Ok(Status(action));
        }, cancellationToken);
    }

    private static IResult? Invalid(string key, VistaActionRequest? body)
    {
        string? field = key.Length == 0 ? "Idempotency-Key"
            : body is null || body.Type != "JCBudgetUpdate" ? "type"
            : string.IsNullOrEmpty(body.Job) ? "job"
            : body.OriginalEstimates is null ? "originalEstimates"
            : body.ChangeOrders?.Any(co => co.Aco is not { Length: > 0 and <= 10 } || co.Items is null) == true ? "changeOrders"
            : null;
        return field is null ? null : Error(StatusCodes.Status400BadRequest, "Invalid", $"{field} is missing or not valid", field, null);
    }

    private static async Task<IResult> CallAsync(
        SimulatedErp erp, string jcco, HttpRequest request, string operation, string? batchKey,
        Func<SimulatedCompany, CallOutcome, IResult> work, CancellationToken cancellationToken)
    {
        var company = erp.Find(SimulatedSystem.Vista, jcco);
        if (company is null || request.Headers["X-Api-Key"].ToString() != company.Credential)
        {
            return Error(StatusCodes.Status401Unauthorized, "Unauthorized", "The API key is not valid for this company", "X-Api-Key", null);
        }

        var answer = await company.CallAsync(operation, batchKey, outcome =>
        {
            company.ProcessDueActions();
            return work(company, outcome);
        }, cancellationToken);
        return answer.Fault is { } fault ? Render(fault) : answer.Result!;
    }

    private static VistaActionStatus Status(VistaAction action) =>
        new(action.Id, action.Status, action.Error is { } e ? new VistaError(e.Code, e.Description, e.Column) : null);

    private static int JCCo(SimulatedCompany company) => int.Parse(company.Code, System.Globalization.CultureInfo.InvariantCulture);

    private static IResult Error(int status, string code, string message, string? field, CallOutcome? outcome)
    {
        outcome?.Outcome = $"error {code}";
        return Results.Json(new VistaError(code, message, field), statusCode: status);
    }

    private static IResult Render(InjectedFault fault) => fault.Kind switch
    {
        FaultKind.Permanent => Results.Json(new VistaError(fault.ErrorCode, fault.Description, null), statusCode: StatusCodes.Status422UnprocessableEntity),
        FaultKind.RateLimited => new RateLimitedResult(fault.RetryAfterSeconds),
        FaultKind.Malformed => Results.Text("{\"items\":[{\"jcco\":1,\"job\":\"24-0", "application/json"),
        FaultKind.Hostile => Results.Text(new string('[', 100_000) + new string(']', 100_000), "application/json"),
        _ => Results.Json(new VistaError("Unavailable", fault.Description, null), statusCode: StatusCodes.Status503ServiceUnavailable),
    };

    /// <summary>429 with the Retry-After header a rate-limited Vista sends.</summary>
    private sealed class RateLimitedResult(int retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return httpContext.Response.WriteAsJsonAsync(new VistaError("RateLimited", "Too many requests", null));
        }
    }
}
