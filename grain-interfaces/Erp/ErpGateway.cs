namespace BudgetActors.GrainInterfaces;

/// <summary>Names the ERP gateway grain of a company.</summary>
public static class ErpGateway
{
    /// <summary><c>spectrum:001</c>, <c>vista:1</c>: one gateway (and one call at a time) per ERP company.</summary>
    public static string KeyOf(ErpSystem erp, string erpCompanyCode) =>
        $"{erp.ToString().ToLowerInvariant()}:{erpCompanyCode}";
}
