using Microsoft.Extensions.Options;

namespace BudgetActors.Erp.Vista;

/// <summary>Refuses Vista settings a connector could not work with, naming the company and the key.</summary>
public sealed class VistaOptionsValidator : IValidateOptions<VistaOptions>
{
    public ValidateOptionsResult Validate(string? name, VistaOptions options)
    {
        var failures = new List<string>();
        if (options.RequestTimeout <= TimeSpan.Zero || options.ActionTimeout <= TimeSpan.Zero || options.ActionPollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{VistaOptions.Section}: RequestTimeout, ActionTimeout and ActionPollInterval must be positive.");
        }

        if (options.PageSize is < 1 or > VistaOptions.MaxPageSize)
        {
            failures.Add($"{VistaOptions.Section}:PageSize must be between 1 and {VistaOptions.MaxPageSize}.");
        }

        if (options.MaxRateLimitRetries < 0 || options.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add($"{VistaOptions.Section}: MaxRateLimitRetries and MaxRetryAfter cannot be negative.");
        }

        foreach (var (code, company) in options.Companies)
        {
            if (company.BaseUrl is not { IsAbsoluteUri: true } url || url.Scheme is not ("http" or "https"))
            {
                failures.Add($"{VistaOptions.Section}:Companies:{code}:BaseUrl must be an absolute http or https URL.");
            }

            if (string.IsNullOrWhiteSpace(company.ApiKey))
            {
                failures.Add($"{VistaOptions.Section}:Companies:{code}:ApiKey is required.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
