using Microsoft.Extensions.Options;

namespace BudgetActors.Runtime;

internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var failures = new List<string>();
        if (options.MinimumReminderPeriod <= TimeSpan.Zero)
        {
            failures.Add("ReminderOptions.MinimumReminderPeriod must be positive.");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add("ReminderOptions.PollInterval must be positive.");
        }

        if (options.LeaseDuration <= options.PollInterval)
        {
            failures.Add("ReminderOptions.LeaseDuration must be longer than PollInterval, or ticks would be claimed twice.");
        }

        if (options.RetryDelay < TimeSpan.Zero)
        {
            failures.Add("ReminderOptions.RetryDelay cannot be negative.");
        }

        if (options.ClaimBatchSize < 1)
        {
            failures.Add("ReminderOptions.ClaimBatchSize must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
