using Microsoft.Extensions.Options;

namespace BudgetActors.Grains.Erp;

/// <summary>Refuses <see cref="ErpCallLeaseOptions"/> that would disable keepalive or make no sense.</summary>
internal sealed class ErpCallLeaseOptionsValidator : IValidateOptions<ErpCallLeaseOptions>
{
    public ValidateOptionsResult Validate(string? name, ErpCallLeaseOptions options) =>
        options.IsValid(out var problem) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem!);

    /// <summary>For leases made without the container.</summary>
    public static ErpCallLeaseOptions Checked(ErpCallLeaseOptions options) =>
        options.IsValid(out var problem) ? options : throw new OptionsValidationException(nameof(ErpCallLeaseOptions), typeof(ErpCallLeaseOptions), [problem!]);
}
