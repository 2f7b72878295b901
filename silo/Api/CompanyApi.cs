using Microsoft.AspNetCore.Http.HttpResults;

namespace BudgetActors.Silo.Api;

/// <summary>The company (<see cref="ICompanyGrain"/>): ERP settings, the user directory, project links.</summary>
public static class CompanyApi
{
    public static RouteGroupBuilder MapCompanyApi(this IEndpointRouteBuilder company)
    {
        var api = company.MapGroup("").WithTags("Company");
        api.MapGet("", GetAsync).WithName("GetCompany")
            .WithSummary("The company: ERP settings, user directory and project links.");
        api.MapPut("/settings", ConfigureAsync).WithName("ConfigureCompany")
            .WithSummary("Sets the ERP system and company code, time zone and daily summary time (company admins).");
        api.MapGet("/users/{userId}", FindUserAsync).WithName("GetUser")
            .WithSummary("One user's directory entry.");
        api.MapPut("/users/{userId}", SaveUserAsync).WithName("SaveUser")
            .WithSummary("Adds or changes a user of the directory (company admins).");
        api.MapDelete("/users/{userId}", RemoveUserAsync).WithName("RemoveUser")
            .WithSummary("Removes a user from the directory and revokes their API tokens (company admins).");
        api.MapPut("/projects/{projectId}", LinkProjectAsync).WithName("LinkProject")
            .WithSummary("Links a project to its ERP job (company admins).");
        return api;
    }

    private static async Task<Ok<CompanyView>> GetAsync(string companyId, IClusterClient grains) =>
        TypedResults.Ok(await grains.GetGrain<ICompanyGrain>(companyId).GetAsync());

    private static async Task<NoContent> ConfigureAsync(string companyId, CompanySettings settings, IClusterClient grains)
    {
        await grains.GetGrain<ICompanyGrain>(companyId).ConfigureAsync(settings);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CompanyUser>> FindUserAsync(string companyId, string userId, IClusterClient grains) =>
        TypedResults.Ok(await grains.GetGrain<ICompanyGrain>(companyId).FindUserAsync(userId)
            ?? throw new WorkflowException(WorkflowErrorCode.NotFound, $"{userId} is not in the directory of company {companyId}."));

    private static async Task<NoContent> SaveUserAsync(string companyId, string userId, CompanyUser user, IClusterClient grains)
    {
        ApiInput.RequireSame(userId, user.UserId, "user");
        await grains.GetGrain<ICompanyGrain>(companyId).SaveUserAsync(user);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RemoveUserAsync(string companyId, string userId, IClusterClient grains)
    {
        await grains.GetGrain<ICompanyGrain>(companyId).RemoveUserAsync(userId);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> LinkProjectAsync(string companyId, string projectId, ProjectLink link, IClusterClient grains)
    {
        ApiInput.RequireSame(projectId, link.ProjectId, "project");
        await grains.GetGrain<ICompanyGrain>(companyId).LinkProjectAsync(link);
        return TypedResults.NoContent();
    }
}
