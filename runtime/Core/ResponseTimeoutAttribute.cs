namespace BudgetActors.Runtime;

/// <summary>Overrides the call deadline for one grain interface method, e.g. <c>[ResponseTimeout("00:02:00")]</c>.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class ResponseTimeoutAttribute(string timeout) : Attribute
{
    public TimeSpan Timeout { get; } = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture);
}
