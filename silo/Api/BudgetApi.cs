using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BudgetActors.Silo.Api;

/// <summary>
/// A project's budget (<see cref="IBudgetGrain"/>): lines and budget changes, lock and unlock, send and
/// retrieve, the approver's accept, reject and retry, import from the ERP, and the view.
/// </summary>
public static class BudgetApi
{
    public static RouteGroupBuilder MapBudgetApi(this IEndpointRouteBuilder company)
    {
        var api = company.MapGroup("/budgets/{projectId}").WithTags("Budgets");
        api.MapPost("", CreateAsync).WithName("CreateBudget")
            .WithSummary("Creates the project's budget, unlocked and empty (Admin on the Budget tool).");
        api.MapGet("", GetAsync).WithName("GetBudget")
            .WithSummary("The budget: status, lines with original, changes and revised amounts, budget changes, history.");

        api.MapPost("/lines", (string companyId, string projectId, BudgetLine line, IClusterClient grains) =>
                Do(grains, companyId, projectId, b => b.AddLineAsync(line)))
            .WithName("AddBudgetLine").WithSummary("Adds a line (cost code and category) while the budget is unlocked.");
        api.MapPut("/lines/{costCode}/{category}", (string companyId, string projectId, string costCode, string category, BudgetLine line, IClusterClient grains) =>
            {
                ApiInput.RequireSame(costCode, line.CostCode, "cost code");
                ApiInput.RequireSame(category, line.Category, "category");
                return Do(grains, companyId, projectId, b => b.UpdateLineAsync(line));
            })
            .WithName("UpdateBudgetLine").WithSummary("Changes a line's description or original amount while the budget is unlocked.");
        api.MapDelete("/lines/{costCode}/{category}", (string companyId, string projectId, string costCode, string category, IClusterClient grains) =>
                Do(grains, companyId, projectId, b => b.RemoveLineAsync(costCode, category)))
            .WithName("RemoveBudgetLine").WithSummary("Removes a line while the budget is unlocked.");

        api.MapPost("/changes", (string companyId, string projectId, BudgetChange change, IClusterClient grains) =>
                Do(grains, companyId, projectId, b => b.AddChangeAsync(change)))
            .WithName("AddBudgetChange").WithSummary("Adds a budget change (modification): how a locked or synced budget changes.");
        api.MapDelete("/changes/{changeId}", (string companyId, string projectId, string changeId, IClusterClient grains) =>
                Do(grains, companyId, projectId, b => b.RemoveChangeAsync(changeId)))
            .WithName("RemoveBudgetChange").WithSummary("Removes a budget change (not on a project synced with the ERP).");

        api.MapPost("/lock", (string companyId, string projectId, IClusterClient grains) => Do(grains, companyId, projectId, b => b.LockAsync()))
            .WithName("LockBudget").WithSummary("Locks the budget, ready to send.");
        api.MapPost("/unlock", (string companyId, string projectId, IClusterClient grains) => Do(grains, companyId, projectId, b => b.UnlockAsync()))
            .WithName("UnlockBudget").WithSummary("Unlocks a locked budget, or a synced one once the ERP shows the exported amounts.");
        api.MapPost("/send", (string companyId, string projectId, IClusterClient grains) => Do(grains, companyId, projectId, b => b.SendAsync()))
            .WithName("SendBudget").WithSummary("Sends the locked budget to ERP Integrations, where every approver of the company sees it.");
        api.MapPost("/retrieve", (string companyId, string projectId, IClusterClient grains) => Do(grains, companyId, projectId, b => b.RetrieveAsync()))
            .WithName("RetrieveBudget").WithSummary("Takes a budget waiting for acceptance back.");

        api.MapPost("/submissions/{submission:int}/accept", (string companyId, string projectId, int submission, IClusterClient grains) =>
                Do(grains, companyId, projectId, b => b.AcceptAsync(submission)))
            .WithName("AcceptBudget").WithSummary("An accounting approver accepts the submission: it is exported to the ERP.");
        api.MapPost("/submissions/{submission:int}/reject", (string companyId, string projectId, int submission, RejectRequest request, IClusterClient grains) =>
                Do(grains, companyId, projectId, b => b.RejectAsync(submission, request.Reason)))
            .WithName("RejectBudget").WithSummary("An accounting approver rejects a pending budget or a failed export; it becomes editable.");
        api.MapPost("/submissions/{submission:int}/retry", (string companyId, string projectId, int submission, IClusterClient grains) =>
                Do(grains, companyId, projectId, b => b.RetryExportAsync(submission)))
            .WithName("RetryBudgetExport").WithSummary("An accounting approver exports a failed export again.");

        api.MapPost("/import", (string companyId, string projectId, ImportRequest request, IClusterClient grains) =>
                Do(grains, companyId, projectId, b => b.ImportAsync(request.Mode)))
            .WithName("ImportBudget").WithSummary("Imports the ERP job's estimates (Spectrum only), overriding or keeping existing lines.");
        api.MapGet("/import/preview", PreviewImportAsync).WithName("PreviewBudgetImport")
            .WithSummary("What an import would do: current ERP total, current budget total, new total.");
        return api;
    }

    private static async Task<Created> CreateAsync(string companyId, string projectId, IClusterClient grains)
    {
        await Budget(grains, companyId, projectId).CreateAsync();
        return TypedResults.Created($"/api/v1/companies/{Uri.EscapeDataString(companyId)}/budgets/{Uri.EscapeDataString(projectId)}");
    }

    private static async Task<Ok<BudgetView>> GetAsync(string companyId, string projectId, IClusterClient grains) =>
        TypedResults.Ok(await Budget(grains, companyId, projectId).GetAsync());

    private static async Task<Ok<ReimportPreview>> PreviewImportAsync(string companyId, string projectId, [FromQuery] ImportMode mode, IClusterClient grains) =>
        TypedResults.Ok(await Budget(grains, companyId, projectId).PreviewImportAsync(mode));

    private static async Task<NoContent> Do(IClusterClient grains, string companyId, string projectId, Func<IBudgetGrain, Task> step)
    {
        await step(Budget(grains, companyId, projectId));
        return TypedResults.NoContent();
    }

    // The grains refuse a project id holding ':' too; checking here gives the same answer without a grain activation.
    private static IBudgetGrain Budget(IClusterClient grains, string companyId, string projectId) =>
        projectId.Contains(':', StringComparison.Ordinal)
            ? throw new WorkflowException(WorkflowErrorCode.InvalidInput, $"'{projectId}' is not a project id (it cannot contain ':').")
            : grains.GetGrain<IBudgetGrain>(BudgetKey.Of(companyId, projectId));
}
