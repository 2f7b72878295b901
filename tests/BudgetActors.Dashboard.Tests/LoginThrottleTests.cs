using BudgetActors.Dashboard.Authentication;
using BudgetActors.Testing;
using Microsoft.Extensions.Options;

namespace BudgetActors.Dashboard.Tests;

public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly LoginThrottle _throttle;

    public LoginThrottleTests() =>
        _throttle = new LoginThrottle(Options.Create(new DashboardOptions { MaxFailedLogins = 3, FailedLoginWindow = TimeSpan.FromMinutes(5) }), _time);

    [Fact]
    public void An_address_waits_until_its_oldest_failure_leaves_the_window_and_others_are_not_held_up()
    {
        _throttle.Failed("10.0.0.1");
        _time.Advance(TimeSpan.FromMinutes(1));
        _throttle.Failed("10.0.0.1");
        Assert.Null(_throttle.RetryAfter("10.0.0.1"));
        _throttle.Failed("10.0.0.1");

        Assert.Equal(TimeSpan.FromMinutes(4), _throttle.RetryAfter("10.0.0.1"));
        Assert.Null(_throttle.RetryAfter("10.0.0.2"));

        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Null(_throttle.RetryAfter("10.0.0.1")); // two failures left in the window
        _throttle.Failed("10.0.0.1");
        Assert.Equal(TimeSpan.FromMinutes(1), _throttle.RetryAfter("10.0.0.1"));
    }

    [Fact]
    public void A_good_login_clears_the_count()
    {
        _throttle.Failed("10.0.0.1");
        _throttle.Failed("10.0.0.1");
        _throttle.Succeeded("10.0.0.1");
        _throttle.Failed("10.0.0.1");
        _throttle.Failed("10.0.0.1");

        Assert.Null(_throttle.RetryAfter("10.0.0.1"));
    }
}
