using Microsoft.Extensions.Options;

namespace BudgetActors.Erp.Spectrum;

/// <summary>Refuses Spectrum settings a connector could not work with, naming the company and the key.</summary>
public sealed class SpectrumOptionsValidator : IValidateOptions<SpectrumOptions>
{
    public ValidateOptionsResult Validate(string? name, SpectrumOptions options)
    {
        var failures = new List<string>();
        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{SpectrumOptions.Section}:RequestTimeout must be positive.");
        }

        foreach (var (code, company) in options.Companies)
        {
            if (company.BaseUrl is not { IsAbsoluteUri: true } url || url.Scheme is not ("http" or "https"))
            {
                failures.Add($"{SpectrumOptions.Section}:Companies:{code}:BaseUrl must be an absolute http or https URL.");
            }

            if (string.IsNullOrWhiteSpace(company.AuthorizationId))
            {
                failures.Add($"{SpectrumOptions.Section}:Companies:{code}:AuthorizationId is required.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
