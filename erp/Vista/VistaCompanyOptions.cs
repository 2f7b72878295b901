namespace BudgetActors.Erp.Vista;

/// <summary>How to reach one Vista company (JCCo). Configuration: <c>Erp:Vista:Companies:&lt;JCCo&gt;:BaseUrl</c> and <c>:ApiKey</c>.</summary>
public sealed class VistaCompanyOptions
{
    /// <summary>The API root; the company's resources are at <c>&lt;BaseUrl&gt;/vista/companies/&lt;JCCo&gt;/</c>. Required.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The API key sent in <c>X-Api-Key</c> (a secret). Required.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Never shows the API key.</summary>
    public override string ToString() => $"{BaseUrl} (API key {(ApiKey.Length > 0 ? "set" : "missing")})";
}
