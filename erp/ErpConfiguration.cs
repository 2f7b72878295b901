using System.Globalization;
using BudgetActors.Erp.Spectrum;
using BudgetActors.Erp.Vista;
using Microsoft.Extensions.Configuration;

namespace BudgetActors.Erp;

/// <summary>
/// Reads the connectors' settings from configuration, one entry per ERP company:
/// <c>Erp:Spectrum:Companies:001:BaseUrl</c>, <c>Erp:Spectrum:Companies:001:AuthorizationId</c>,
/// <c>Erp:Vista:Companies:1:BaseUrl</c>, <c>Erp:Vista:Companies:1:ApiKey</c>, plus the optional
/// per-system settings of <see cref="SpectrumOptions"/> and <see cref="VistaOptions"/> (e.g.
/// <c>Erp:Vista:PageSize</c>). Read by hand rather than bound, so a malformed value names its key.
/// </summary>
public static class ErpConfiguration
{
    public static SpectrumOptions ReadSpectrum(IConfiguration configuration)
    {
        var section = configuration.GetSection(SpectrumOptions.Section);
        var options = new SpectrumOptions();
        options.RequestTimeout = ReadTimeSpan(section, nameof(SpectrumOptions.RequestTimeout), options.RequestTimeout);
        foreach (var company in section.GetSection("Companies").GetChildren())
        {
            options.Companies[company.Key] = new SpectrumCompanyOptions
            {
                BaseUrl = ReadUrl(company, "BaseUrl"),
                AuthorizationId = company["AuthorizationId"] ?? "",
            };
        }

        return options;
    }

    public static VistaOptions ReadVista(IConfiguration configuration)
    {
        var section = configuration.GetSection(VistaOptions.Section);
        var options = new VistaOptions();
        options.RequestTimeout = ReadTimeSpan(section, nameof(VistaOptions.RequestTimeout), options.RequestTimeout);
        options.PageSize = ReadInt(section, nameof(VistaOptions.PageSize), options.PageSize);
        options.ActionPollInterval = ReadTimeSpan(section, nameof(VistaOptions.ActionPollInterval), options.ActionPollInterval);
        options.ActionTimeout = ReadTimeSpan(section, nameof(VistaOptions.ActionTimeout), options.ActionTimeout);
        options.MaxRateLimitRetries = ReadInt(section, nameof(VistaOptions.MaxRateLimitRetries), options.MaxRateLimitRetries);
        options.MaxRetryAfter = ReadTimeSpan(section, nameof(VistaOptions.MaxRetryAfter), options.MaxRetryAfter);
        foreach (var company in section.GetSection("Companies").GetChildren())
        {
            options.Companies[company.Key] = new VistaCompanyOptions
            {
                BaseUrl = ReadUrl(company, "BaseUrl"),
                ApiKey = company["ApiKey"] ?? "",
            };
        }

        return options;
    }

    private static TimeSpan ReadTimeSpan(IConfigurationSection section, string key, TimeSpan fallback) =>
        section[key] is not { Length: > 0 } text ? fallback
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value
        : throw Invalid(section, key);

    private static int ReadInt(IConfigurationSection section, string key, int fallback) =>
        section[key] is not { Length: > 0 } text ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw Invalid(section, key);

    private static Uri? ReadUrl(IConfigurationSection section, string key) =>
        section[key] is not { Length: > 0 } text ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var value) ? value
        : throw Invalid(section, key);

    private static FormatException Invalid(IConfigurationSection section, string key) => new($"{section.Path}:{key} is not valid.");
}
