using BudgetActors.Erp.Spectrum;
using BudgetActors.Erp.Vista;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BudgetActors.Erp.Tests;

/// <summary>A silo's ERP companies come from configuration; incomplete settings are refused without showing a secret.</summary>
public sealed class ErpConfigurationTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Companies_are_read_from_their_configuration_keys()
    {
        var configuration = Configuration(
            ("Erp:Spectrum:Companies:001:BaseUrl", "https://spectrum.example.com/"),
            ("Erp:Spectrum:Companies:001:AuthorizationId", "auth-001"),
            ("Erp:Spectrum:RequestTimeout", "00:00:10"),
            ("Erp:Vista:Companies:1:BaseUrl", "https://vista.example.com/api"),
            ("Erp:Vista:Companies:1:ApiKey", "key-1"),
            ("Erp:Vista:PageSize", "250"));

        var spectrum = ErpConfiguration.ReadSpectrum(configuration);
        var vista = ErpConfiguration.ReadVista(configuration);

        Assert.Equal((new Uri("https://spectrum.example.com/"), "auth-001"), (spectrum.Companies["001"].BaseUrl, spectrum.Companies["001"].AuthorizationId));
        Assert.Equal(TimeSpan.FromSeconds(10), spectrum.RequestTimeout);
        Assert.Equal((new Uri("https://vista.example.com/api"), "key-1", 250), (vista.Companies["1"].BaseUrl, vista.Companies["1"].ApiKey, vista.PageSize));
    }

    [Fact]
    public void Incomplete_settings_are_refused_naming_the_key_and_never_the_secret()
    {
        var configuration = Configuration(
            ("Erp:Spectrum:Companies:001:AuthorizationId", "auth-secret-001"),
            ("Erp:Vista:Companies:1:BaseUrl", "ftp://vista.example.com/"),
            ("Erp:Vista:Companies:1:ApiKey", "vista-secret-1"),
            ("Erp:Vista:PageSize", "5000"));

        var refused = Assert.Throws<OptionsValidationException>(() =>
            new ServiceCollection().AddErpConnectors(ErpConfiguration.ReadSpectrum(configuration), ErpConfiguration.ReadVista(configuration)));

        Assert.Contains("Erp:Spectrum:Companies:001:BaseUrl", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("auth-secret-001", refused.Message, StringComparison.Ordinal);
        var vista = new VistaOptionsValidator().Validate(null, ErpConfiguration.ReadVista(configuration));
        Assert.Equal(2, vista.Failures!.Count());
        Assert.DoesNotContain("vista-secret-1", vista.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_value_is_refused_naming_its_key()
    {
        var refused = Assert.Throws<FormatException>(() => ErpConfiguration.ReadVista(Configuration(("Erp:Vista:RequestTimeout", "soon"))));

        Assert.Contains("Erp:Vista:RequestTimeout", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Company_settings_never_print_their_secret()
    {
        Assert.DoesNotContain("auth-001", new SpectrumCompanyOptions { BaseUrl = new Uri("https://s.example.com/"), AuthorizationId = "auth-001" }.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("key-1", new VistaCompanyOptions { BaseUrl = new Uri("https://v.example.com/"), ApiKey = "key-1" }.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_settings_register_a_spectrum_and_a_vista_connector()
    {
        var spectrum = new SpectrumOptions();
        spectrum.Companies["001"] = new SpectrumCompanyOptions { BaseUrl = new Uri("http://127.0.0.1:1/"), AuthorizationId = "a" };
        using var services = new ServiceCollection().AddErpConnectors(spectrum, new VistaOptions()).BuildServiceProvider();

        Assert.Equal([ErpSystem.Spectrum, ErpSystem.Vista], services.GetServices<IErpConnector>().Select(c => c.System));
    }
}
