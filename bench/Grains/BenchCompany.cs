using BudgetActors.GrainInterfaces;
using BudgetActors.Grains.Security;

namespace BudgetActors.Benchmarks.Grains;

/// <summary>A company of a typical size for the call benchmarks: its ERP settings, three users and ten project links.</summary>
internal static class BenchCompany
{
    public const string AdminId = "admin";

    public static CompanyData Data(string companyId) => new(
        companyId,
        new CompanySettings(ErpSystem.Spectrum, "001", "America/Chicago", new TimeOnly(7, 0)),
        [
            new CompanyUser(AdminId, "Ada Admin", "admin@bench.test", ToolPermission.Admin, ToolPermission.Admin, false, false, IsCompanyAdmin: true),
            new CompanyUser("pm", "Pat Manager", "pm@bench.test", ToolPermission.Admin, ToolPermission.ReadOnly, false, false),
            new CompanyUser("ap1", "Alex Approver", "ap1@bench.test", ToolPermission.ReadOnly, ToolPermission.Standard, true, false),
        ],
        [.. Enumerable.Range(0, 10).Select(p => new ProjectLink($"p-{p}", $"J-{p:0000}", JobSynced: true))]);

    /// <summary>Sets the company grain up with <see cref="Data"/>, as its admin would through the REST API.</summary>
    public static async Task SetUpAsync(IGrainFactory grains, SiloCallers silo, string companyId)
    {
        var data = Data(companyId);
        var company = grains.GetGrain<ICompanyGrain>(companyId);
        using (silo.ActAs(new CallerIdentity(companyId, "system:setup")))
        {
            await company.ConfigureAsync(data.Settings);
            foreach (var user in data.Users)
            {
                await company.SaveUserAsync(user);
            }

            foreach (var project in data.Projects)
            {
                await company.LinkProjectAsync(project);
            }
        }
    }
}

/// <summary>What <see cref="BenchCompany"/> sets a company up with.</summary>
internal sealed record CompanyData(string CompanyId, CompanySettings Settings, IReadOnlyList<CompanyUser> Users, IReadOnlyList<ProjectLink> Projects);
