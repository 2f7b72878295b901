using Microsoft.AspNetCore.Http.HttpResults;

namespace BudgetActors.Silo.Api;

/// <summary>The company's ERP gateway, read only: its queue, what is in flight, whether calls are paused.</summary>
public static class ErpApi
{
    public static RouteGroupBuilder MapErpApi(this IEndpointRouteBuilder company)
    {
        var api = company.MapGroup("/erp").WithTags("ERP");
        api.MapGet("/queue", GetQueueAsync).WithName("GetErpQueue")
            .WithSummary("The ERP gateway's queue (Read Only or higher on ERP Integrations).");
        return api;
    }

    private static async Task<Ok<ErpQueueView>> GetQueueAsync(string companyId, IClusterClient grains) =>
        TypedResults.Ok(await grains.GetGrain<ICompanyGrain>(companyId).GetErpQueueAsync()
            ?? throw new WorkflowException(WorkflowErrorCode.NotFound, $"Company {companyId} has no ERP configured yet."));
}
