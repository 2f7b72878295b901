namespace BudgetActors.GrainInterfaces;

public sealed record CompanyView(string CompanyId, CompanySettings? Settings, IReadOnlyList<CompanyUser> Users, IReadOnlyList<ProjectLink> Projects)
{
    /// <summary>The ERP gateway grain key of this company, e.g. <c>spectrum:001</c>.</summary>
    public string? ErpGatewayKey => Settings is { } s ? ErpGateway.KeyOf(s.Erp, s.ErpCompanyCode) : null;
}
