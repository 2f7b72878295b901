namespace BudgetActors.Erp.Spectrum;

/// <summary>How to reach one Spectrum company. Configuration: <c>Erp:Spectrum:Companies:&lt;code&gt;:BaseUrl</c> and <c>:AuthorizationId</c>.</summary>
public sealed class SpectrumCompanyOptions
{
    /// <summary>The Data Exchange server; services are at <c>&lt;BaseUrl&gt;/wsdls/&lt;Service&gt;.jws</c>. Required.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The company's Authorization_ID (a secret). Required.</summary>
    public string AuthorizationId { get; set; } = "";

    /// <summary>Never shows the Authorization_ID, so options can be logged or shown in an exception.</summary>
    public override string ToString() => $"{BaseUrl} (Authorization_ID {(AuthorizationId.Length > 0 ? "set" : "missing")})";
}
