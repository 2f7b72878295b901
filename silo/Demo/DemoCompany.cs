namespace BudgetActors.Silo.Demo;

/// <summary>
/// The company the embedded default sets up so a newcomer can try the workflow at once: its people (a
/// company admin, a project manager, two approvers, a read-only user) and three projects linked to the
/// embedded ERP simulator's demo Spectrum jobs.
/// </summary>
public static class DemoCompany
{
    public const string Id = "demo";

    public static CompanySettings Settings { get; } = new(ErpSystem.Spectrum, "001", "America/Chicago", new TimeOnly(7, 0));

    public static IReadOnlyList<CompanyUser> People { get; } =
    [
        new("admin", "Ada Admin", "admin@demo.test", ToolPermission.Admin, ToolPermission.Admin, CanPushToAccounting: false, SubscribedToDigest: false, IsCompanyAdmin: true),
        new("pm", "Pat Manager", "pm@demo.test", ToolPermission.Admin, ToolPermission.Standard, CanPushToAccounting: false, SubscribedToDigest: false),
        new("ap1", "Alex Approver", "ap1@demo.test", ToolPermission.ReadOnly, ToolPermission.Standard, CanPushToAccounting: true, SubscribedToDigest: true),
        new("ap2", "Ana Approver", "ap2@demo.test", ToolPermission.ReadOnly, ToolPermission.Admin, CanPushToAccounting: true, SubscribedToDigest: true),
        new("viewer", "Vic Viewer", "viewer@demo.test", ToolPermission.ReadOnly, ToolPermission.ReadOnly, CanPushToAccounting: false, SubscribedToDigest: false),
    ];

    /// <summary>The simulator's demo Spectrum jobs (erp-sim/demo-data.json): an empty one to export to, one with estimates to import.</summary>
    public static IReadOnlyList<ProjectLink> Projects { get; } =
    [
        new("tower-7", "24-001", JobSynced: true),
        new("parking-deck", "24-002", JobSynced: true),
    ];
}
