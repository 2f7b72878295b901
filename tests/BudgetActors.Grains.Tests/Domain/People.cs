namespace BudgetActors.Grains.Tests;

/// <summary>The company directory the rule tests use.</summary>
internal static class People
{
    public static readonly CompanyUser ProjectManager = new("pm", "Pat Manager", "pm@acme.test", ToolPermission.Admin, ToolPermission.ReadOnly, false, false);
    public static readonly CompanyUser BudgetStandard = new("estimator", "Eve Estimator", "eve@acme.test", ToolPermission.Standard, ToolPermission.None, false, false);
    public static readonly CompanyUser ReadOnlyUser = new("viewer", "Vic Viewer", "vic@acme.test", ToolPermission.ReadOnly, ToolPermission.ReadOnly, false, false);
    public static readonly CompanyUser Approver = new("ap1", "Alex Approver", "alex@acme.test", ToolPermission.ReadOnly, ToolPermission.Standard, true, true);
    public static readonly CompanyUser SecondApprover = new("ap2", "Ana Approver", "ana@acme.test", ToolPermission.None, ToolPermission.Admin, true, false);
    public static readonly CompanyUser ErpAdminWithoutPrivilege = new("erp", "Erin Erp", "erin@acme.test", ToolPermission.None, ToolPermission.Admin, false, false);
    public static readonly CompanyUser PrivilegeButReadOnly = new("ro-ap", "Rory", "rory@acme.test", ToolPermission.None, ToolPermission.ReadOnly, true, false);

    public static readonly CompanyUser CompanyAdmin = new("admin", "Ada Admin", "ada@acme.test", ToolPermission.Admin, ToolPermission.Admin, false, false, IsCompanyAdmin: true);

    public static IEnumerable<CompanyUser> All => [CompanyAdmin, ProjectManager, BudgetStandard, ReadOnlyUser, Approver, SecondApprover, ErpAdminWithoutPrivilege, PrivilegeButReadOnly];

    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(-6));

    public static readonly ProjectLink SyncedJob = new("tower-7", "24-001", JobSynced: true);

    public static SendCheck ErpKnows(params string[] costCodes) => new(SyncedJob, costCodes.ToHashSet(), JobHasEstimates: false);
}
