namespace BudgetActors.Silo.Tests;

/// <summary>The directory of the test company, one user per role the API tests need.</summary>
internal static class People
{
    public static readonly CompanyUser Admin = new("admin", "Ada Admin", "ada@acme.test", ToolPermission.Admin, ToolPermission.Admin, false, false, IsCompanyAdmin: true);
    public static readonly CompanyUser ProjectManager = new("pm", "Pat Manager", "pm@acme.test", ToolPermission.Admin, ToolPermission.ReadOnly, false, false);
    public static readonly CompanyUser Approver = new("ap1", "Alex Approver", "alex@acme.test", ToolPermission.ReadOnly, ToolPermission.Standard, true, true);
    public static readonly CompanyUser ErpStandard = new("erp-std", "Erin Standard", "erin@acme.test", ToolPermission.ReadOnly, ToolPermission.Standard, false, false);
    public static readonly CompanyUser Viewer = new("viewer", "Vic Viewer", "vic@acme.test", ToolPermission.ReadOnly, ToolPermission.None, false, false);

    public static IEnumerable<CompanyUser> All => [Admin, ProjectManager, Approver, ErpStandard, Viewer];

    public static readonly BudgetLine Concrete = new("03-300", "M", "Cast-in-place concrete", 125_000.00m);
    public static readonly BudgetLine Steel = new("05-100", "S", "Structural steel", 340_500.50m);
}
