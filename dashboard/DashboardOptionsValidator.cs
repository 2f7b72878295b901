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

        if (options.Port is < 1 or > 65535)
        {
            failures.Add("Dashboard:Port must be a TCP port (1-65535), or unset to share the silo's web port.");
        }

        if (options.MaxFailedLogins < 1)
        {
            failures.Add("Dashboard:MaxFailedLogins must be at least 1.");
        }

        if (options.FailedLoginWindow <= TimeSpan.Zero)
        {
            failures.Add("Dashboard:FailedLoginWindow must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
