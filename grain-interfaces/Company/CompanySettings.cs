namespace BudgetActors.GrainInterfaces;

/// <summary>A company's ERP link and when its approvers get their daily summary.</summary>
/// <param name="ErpCompanyCode">The company code in the ERP (Spectrum company, Vista JCCo).</param>
/// <param name="TimeZoneId">An IANA time zone, e.g. America/Chicago.</param>
/// <param name="DigestTime">Local time of day the daily summary goes out.</param>
[GenerateSerializer, Immutable]
public sealed record CompanySettings([property: Id(0)] ErpSystem Erp, [property: Id(1)] string ErpCompanyCode, [property: Id(2)] string TimeZoneId, [property: Id(3)] TimeOnly DigestTime);
