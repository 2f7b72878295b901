using Microsoft.Extensions.Options;

namespace BudgetActors.Dashboard;

/// <summary>Refuses settings that would leave the dashboard open to anyone, or that make no sense.</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    // Short passwords are guessed; the embedded default generates a long one.
    public const int MinimumPasswordLength = 12;

    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Operator.User))
        {
            failures.Add("Dashboard:Operator:User must not be empty.");
        }

        if (string.IsNullOrEmpty(options.Operator.Password) || options.Operator.Password.Length < MinimumPasswordLength)
        {
            failures.Add($"Dashboard:Operator:Password must be set, at least {MinimumPasswordLength} characters.");
        }

        if (options.SessionDuration <= TimeSpan.Zero)
        {
            failures.Add("Dashboard:SessionDuration must be positive.");
        }

        if (options.SampleInterval <= TimeSpan.Zero)
        {
            failures.Add("Dashboard:SampleInterval must be positive.");
        }

        if (options.HistoryLength is < 2 or > 3600)
        {
            failures.Add("Dashboard:HistoryLength must be between 2 and 3600.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
