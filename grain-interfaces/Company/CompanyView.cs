namespace BudgetActors.GrainInterfaces;

[GenerateSerializer, Immutable]
public sealed record CompanyView([property: Id(0)] string CompanyId, [property: Id(1)] CompanySettings? Settings, [property: Id(2)] IReadOnlyList<CompanyUser> Users, [property: Id(3)] IReadOnlyList<ProjectLink> Projects)
{
    /// <summary>The ERP gateway grain key of this company, e.g. <c>spectrum:001</c>.</summary>
    public string? ErpGatewayKey => Settings is { } s ? ErpGateway.KeyOf(s.Erp, s.ErpCompanyCode) : null;
}
