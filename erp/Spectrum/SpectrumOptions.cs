namespace BudgetActors.Erp.Spectrum;

/// <summary>The Spectrum connector's settings: one entry per ERP company, from configuration section <see cref="Section"/>.</summary>
public sealed class SpectrumOptions
{
    public const string Section = "Erp:Spectrum";

    /// <summary>By Spectrum company code (<c>001</c>).</summary>
    public IDictionary<string, SpectrumCompanyOptions> Companies { get; } = new Dictionary<string, SpectrumCompanyOptions>(StringComparer.Ordinal);

    /// <summary>How long one call may take, answer included, before it counts as a transient timeout. Default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
