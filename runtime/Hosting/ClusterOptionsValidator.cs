using Microsoft.Extensions.Options;

namespace BudgetActors.Runtime;

/// <summary>Fails the silo's start with a clear message when the cluster options make no sense.</summary>
internal sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        var failures = new List<string>();
        if (!System.Net.IPAddress.TryParse(options.ListenAddress, out _))
        {
            failures.Add($"ClusterOptions.ListenAddress '{options.ListenAddress}' is not an IP address.");
        }

        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"ClusterOptions.Port {options.Port} is not a port number.");
        }

        if (options.HeartbeatInterval <= TimeSpan.Zero)
        {
            failures.Add("ClusterOptions.HeartbeatInterval must be positive.");
        }

        if (options.DeathTimeout < 2 * options.HeartbeatInterval)
        {
            failures.Add("ClusterOptions.DeathTimeout must be at least twice the HeartbeatInterval (a silo's lease is the timeout minus one interval).");
        }

        if (options.MaxForwardHops < 1)
        {
            failures.Add("ClusterOptions.MaxForwardHops must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
