using Microsoft.Extensions.Options;

namespace BudgetActors.Runtime;

/// <summary>Fails the silo's start with a clear message when its identity, messaging or collection options make no sense.</summary>
internal sealed class SiloOptionsValidator : IValidateOptions<SiloOptions>, IValidateOptions<MessagingOptions>, IValidateOptions<GrainCollectionOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.Add("SiloOptions.ServiceId is required.");
        }

        if (string.IsNullOrWhiteSpace(options.SiloName))
        {
            failures.Add("SiloOptions.SiloName is required.");
        }

        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        var failures = new List<string>();
        if (options.ResponseTimeout <= TimeSpan.Zero)
        {
            failures.Add("MessagingOptions.ResponseTimeout must be positive.");
        }

        if (options.TimeoutCheckInterval <= TimeSpan.Zero)
        {
            failures.Add("MessagingOptions.TimeoutCheckInterval must be positive.");
        }

        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, GrainCollectionOptions options)
    {
        var failures = new List<string>();
        if (options.CollectionAge <= TimeSpan.Zero)
        {
            failures.Add("GrainCollectionOptions.CollectionAge must be positive.");
        }

        if (options.CollectionQuantum <= TimeSpan.Zero)
        {
            failures.Add("GrainCollectionOptions.CollectionQuantum must be positive.");
        }

        if (options.DeactivationTimeout <= TimeSpan.Zero)
        {
            failures.Add("GrainCollectionOptions.DeactivationTimeout must be positive.");
        }

        return Result(failures);
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
