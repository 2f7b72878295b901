using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace BudgetActors.Cli;

/// <summary>
/// The silo's REST API (<c>/api/v1</c>) as one caller sees it: every request carries its bearer token, and
/// the company in the URLs is the token's own, learnt once from <c>GET /api/v1/me</c>.
/// </summary>
/// <remarks>
/// Every failure leaves as an exception budgetctl turns into an exit code: a refusal by the workflow
/// (problem+json whose <c>code</c> is a <see cref="WorkflowErrorCode"/>) as <see cref="WorkflowException"/>,
/// a refused token (401) as <see cref="ExitCodes.Unauthorized"/>, and no answer, an unknown outcome or an
/// answer that is not the API's as <see cref="ExitCodes.Unavailable"/>.
/// </remarks>
/// <param name="root">The silo's web address, ending in '/': the API is at <c>api/v1</c> below it.</param>
/// <param name="token">The bearer token every request is made with.</param>
internal sealed class BudgetApi(HttpClient http, Uri root, string token)
{
    private CallerView? _caller;

    /// <summary>The company and user the token acts as.</summary>
    public async Task<CallerView> GetCallerAsync(CancellationToken cancellationToken)
    {
        try
        {
            return _caller ??= await ReadAsync(HttpMethod.Get, "me", CliJsonContext.Default.CallerView, cancellationToken);
        }
        catch (WorkflowException refusal) when (refusal.Code == WorkflowErrorCode.NotFound)
        {
            // Every silo serves /me; a 404 there means the URL leads somewhere else (a wrong path or port).
            throw new CliException(ExitCodes.Unavailable, $"{root} is not the BudgetActors API: GET {Address("me")} answered 404. Is --url right?");
        }
    }

    public async Task<CompanyView> GetCompanyAsync(CancellationToken cancellationToken) =>
        await ReadAsync(HttpMethod.Get, await CompanyAsync(cancellationToken), CliJsonContext.Default.CompanyView, cancellationToken);

    public async Task ConfigureCompanyAsync(CompanySettings settings, CancellationToken cancellationToken) =>
        await ExchangeAsync(HttpMethod.Put, $"{await CompanyAsync(cancellationToken)}/settings",
            JsonContent.Create(settings, CliJsonContext.Default.CompanySettings), cancellationToken);

    /// <summary>One user's directory entry, or null if the directory has no such user.</summary>
    public async Task<CompanyUser?> FindUserAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(HttpMethod.Get, $"{await CompanyAsync(cancellationToken)}/users/{Segment(userId)}", CliJsonContext.Default.CompanyUser, cancellationToken);
        }
        catch (WorkflowException refusal) when (refusal.Code == WorkflowErrorCode.NotFound)
        {
            return null;
        }
    }

    public async Task SaveUserAsync(CompanyUser user, CancellationToken cancellationToken) =>
        await ExchangeAsync(HttpMethod.Put, $"{await CompanyAsync(cancellationToken)}/users/{Segment(user.UserId)}",
            JsonContent.Create(user, CliJsonContext.Default.CompanyUser), cancellationToken);

    public async Task LinkProjectAsync(ProjectLink link, CancellationToken cancellationToken) =>
        await ExchangeAsync(HttpMethod.Put, $"{await CompanyAsync(cancellationToken)}/projects/{Segment(link.ProjectId)}",
            JsonContent.Create(link, CliJsonContext.Default.ProjectLink), cancellationToken);

    /// <summary>Issues a token acting as directory user <paramref name="userId"/>; the answer is the only time its secret is shown.</summary>
    public async Task<IssuedApiToken> IssueTokenAsync(string userId, string name, CancellationToken cancellationToken) =>
        await ReadAsync(HttpMethod.Post, $"{await CompanyAsync(cancellationToken)}/tokens", CliJsonContext.Default.IssuedApiToken, cancellationToken,
            JsonContent.Create(new IssueTokenRequest(userId, name), CliJsonContext.Default.IssueTokenRequest));

    public async Task RevokeTokenAsync(string tokenId, CancellationToken cancellationToken) =>
        await ExchangeAsync(HttpMethod.Delete, $"{await CompanyAsync(cancellationToken)}/tokens/{Segment(tokenId)}", null, cancellationToken);

    /// <summary>The company's ERP queue, or null while the company has no ERP set.</summary>
    public async Task<ErpQueueView?> GetErpQueueAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(HttpMethod.Get, $"{await CompanyAsync(cancellationToken)}/erp/queue", CliJsonContext.Default.ErpQueueView, cancellationToken);
        }
        catch (WorkflowException refusal) when (refusal.Code == WorkflowErrorCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<PendingItem>> GetPendingAsync(CancellationToken cancellationToken) =>
        await ReadAsync(HttpMethod.Get, $"{await CompanyAsync(cancellationToken)}/approvals/pending", CliJsonContext.Default.IReadOnlyListPendingItem, cancellationToken);

    public async Task<IReadOnlyList<FailedExport>> GetFailedAsync(CancellationToken cancellationToken) =>
        await ReadAsync(HttpMethod.Get, $"{await CompanyAsync(cancellationToken)}/approvals/failed", CliJsonContext.Default.IReadOnlyListFailedExport, cancellationToken);

    public async Task CreateBudgetAsync(string project, CancellationToken cancellationToken) =>
        await ExchangeAsync(HttpMethod.Post, await BudgetAsync(project, cancellationToken), null, cancellationToken);

    public async Task<BudgetView> GetBudgetAsync(string project, CancellationToken cancellationToken) =>
        await ReadAsync(HttpMethod.Get, await BudgetAsync(project, cancellationToken), CliJsonContext.Default.BudgetView, cancellationToken);

    public async Task AddLineAsync(string project, BudgetLine line, CancellationToken cancellationToken) =>
        await ExchangeAsync(HttpMethod.Post, $"{await BudgetAsync(project, cancellationToken)}/lines",
            JsonContent.Create(line, CliJsonContext.Default.BudgetLine), cancellationToken);

    public async Task UpdateLineAsync(string project, BudgetLine line, CancellationToken cancellationToken) =>
        await ExchangeAsync(HttpMethod.Put, $"{await BudgetAsync(project, cancellationToken)}/lines/{Segment(line.CostCode)}/{Segment(line.Category)}",
            JsonContent.Create(line, CliJsonContext.Default.BudgetLine), cancellationToken);

    public async Task RemoveLineAsync(string project, string costCode, string category, CancellationToken cancellationToken) =>
        await ExchangeAsync(HttpMethod.Delete, $"{await BudgetAsync(project, cancellationToken)}/lines/{Segment(costCode)}/{Segment(category)}", null, cancellationToken);

    public async Task AddChangeAsync(string project, BudgetChange change, CancellationToken cancellationToken) =>
        await ExchangeAsync(HttpMethod.Post, $"{await BudgetAsync(project, cancellationToken)}/changes",
            JsonContent.Create(change, CliJsonContext.Default.BudgetChange), cancellationToken);

    public Task LockAsync(string project, CancellationToken cancellationToken) => StepAsync(project, "lock", cancellationToken);

    public Task UnlockAsync(string project, CancellationToken cancellationToken) => StepAsync(project, "unlock", cancellationToken);

    /// <summary>Sends the locked budget to ERP Integrations for acceptance.</summary>
    public Task SendAsync(string project, CancellationToken cancellationToken) => StepAsync(project, "send", cancellationToken);

    public Task RetrieveAsync(string project, CancellationToken cancellationToken) => StepAsync(project, "retrieve", cancellationToken);

    public Task AcceptAsync(string project, int submission, CancellationToken cancellationToken) =>
        StepAsync(project, $"submissions/{submission}/accept", cancellationToken);

    public async Task RejectAsync(string project, int submission, string reason, CancellationToken cancellationToken) =>
        await ExchangeAsync(HttpMethod.Post, $"{await BudgetAsync(project, cancellationToken)}/submissions/{submission}/reject",
            JsonContent.Create(new RejectRequest(reason), CliJsonContext.Default.RejectRequest), cancellationToken);

    public Task RetryExportAsync(string project, int submission, CancellationToken cancellationToken) =>
        StepAsync(project, $"submissions/{submission}/retry", cancellationToken);

    public async Task ImportAsync(string project, ImportMode mode, CancellationToken cancellationToken) =>
        await ExchangeAsync(HttpMethod.Post, $"{await BudgetAsync(project, cancellationToken)}/import",
            JsonContent.Create(new ImportRequest(mode), CliJsonContext.Default.ImportRequest), cancellationToken);

    public async Task<ReimportPreview> PreviewImportAsync(string project, ImportMode mode, CancellationToken cancellationToken) =>
        await ReadAsync(HttpMethod.Get, $"{await BudgetAsync(project, cancellationToken)}/import/preview?mode={mode}", CliJsonContext.Default.ReimportPreview, cancellationToken);

    private async Task StepAsync(string project, string step, CancellationToken cancellationToken) =>
        await ExchangeAsync(HttpMethod.Post, $"{await BudgetAsync(project, cancellationToken)}/{step}", null, cancellationToken);

    private async Task<string> CompanyAsync(CancellationToken cancellationToken) =>
        $"companies/{Segment((await GetCallerAsync(cancellationToken)).CompanyId)}";

    private async Task<string> BudgetAsync(string project, CancellationToken cancellationToken) =>
        $"{await CompanyAsync(cancellationToken)}/budgets/{Segment(project)}";

    private static string Segment(string value) => Uri.EscapeDataString(value);

    private Uri Address(string path) => new(root, "api/v1/" + path);

    /// <summary>Sends a request and reads its JSON answer.</summary>
    private async Task<T> ReadAsync<T>(HttpMethod method, string path, JsonTypeInfo<T> answer, CancellationToken cancellationToken, HttpContent? body = null)
    {
        using var response = await ExchangeAsync(method, path, body, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync(answer, cancellationToken)
                ?? throw new JsonException("The answer is null.");
        }
        catch (JsonException exception)
        {
            throw new CliException(ExitCodes.Unavailable,
                $"{method} {Address(path)} answered {(int)response.StatusCode} with a body budgetctl cannot read ({exception.Message}). Is --url ({root}) the BudgetActors API?");
        }
    }

    /// <summary>Sends a request; returns the answer if it is a success, otherwise throws what the failure means.</summary>
    private async Task<HttpResponseMessage> ExchangeAsync(HttpMethod method, string path, HttpContent? body, CancellationToken cancellationToken)
    {
        var address = Address(path);
        using var request = new HttpRequestMessage(method, address) { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/problem+json"));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            // Nothing was sent: the request certainly did not happen.
            throw new CliException(ExitCodes.Unavailable, $"Cannot reach the BudgetActors API at {root}: {exception.Message}", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new CliException(ExitCodes.Unavailable,
                $"{method} {address} failed before an answer came ({exception.Message}); it may or may not have been applied: read the current state before trying again.", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation the caller did not ask for.
            throw new CliException(ExitCodes.Unavailable,
                $"{method} {address} got no answer within {http.Timeout.TotalSeconds:0} s; it may or may not have been applied: read the current state before trying again.", exception);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw Failure(method, address, response.StatusCode, await ReadProblemAsync(response, cancellationToken));
        }
    }

    private Exception Failure(HttpMethod method, Uri address, HttpStatusCode status, ApiProblem? problem)
    {
        var said = problem?.Detail ?? problem?.Title ?? $"{(int)status} {status}";
        if (status == HttpStatusCode.Unauthorized)
        {
            return new CliException(ExitCodes.Unauthorized, $"{root} does not accept the token (unknown or revoked token): {said}");
        }

        // Enum.TryParse also takes numbers; only a code's name is the workflow's.
        if (problem?.Code is { Length: > 0 } code && !char.IsAsciiDigit(code[0])
            && Enum.TryParse<WorkflowErrorCode>(code, out var refusal) && Enum.IsDefined(refusal))
        {
            return new WorkflowException(refusal, said);
        }

        if ((int)status >= 500)
        {
            // The silo's own failure or a grain call that timed out: nobody refused, and it may have happened.
            return new CliException(ExitCodes.Unavailable, $"{method} {address} failed on the silo ({(int)status}): {said}");
        }

        return new CliException(ExitCodes.Unavailable,
            $"{method} {address} answered {(int)status} {status}{(problem is null ? " without problem details" : $": {said}")}; is --url ({root}) the BudgetActors API?");
    }

    /// <summary>The problem details of an error answer, or null if it has none budgetctl can read.</summary>
    private static async Task<ApiProblem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(CliJsonContext.Default.ApiProblem, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
