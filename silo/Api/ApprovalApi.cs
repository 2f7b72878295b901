using Microsoft.AspNetCore.Http.HttpResults;

namespace BudgetActors.Silo.Api;

/// <summary>
/// The caller's own ERP Integrations lists (<see cref="IApproverGrain"/>): budgets waiting for acceptance
/// and Failed to Export. Whose lists they are comes from the token, never from the URL. Deciding an item
/// goes through its budget (accept, reject, retry).
/// </summary>
public static class ApprovalApi
{
    public static RouteGroupBuilder MapApprovalApi(this IEndpointRouteBuilder company)
    {
        var api = company.MapGroup("/approvals").WithTags("Approvals");
        api.MapGet("/pending", GetPendingAsync).WithName("GetPendingApprovals")
            .WithSummary("Budgets waiting for an accounting approver (every approver of the company sees every item).");
        api.MapGet("/failed", GetFailedAsync).WithName("GetFailedExports")
            .WithSummary("Failed to Export: budgets the ERP refused, each with the ERP's error.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<PendingItem>>> GetPendingAsync(string companyId, IClusterClient grains) =>
        TypedResults.Ok(await Approver(grains, companyId).GetPendingAsync());

    private static async Task<Ok<IReadOnlyList<FailedExport>>> GetFailedAsync(string companyId, IClusterClient grains) =>
        TypedResults.Ok(await Approver(grains, companyId).GetFailedAsync());

    private static IApproverGrain Approver(IClusterClient grains, string companyId) =>
        grains.GetGrain<IApproverGrain>($"{companyId}:{ApiInput.Caller.UserId}");
}
