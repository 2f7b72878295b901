namespace BudgetActors.Runtime.Tests;

public sealed class SiloStartTests
{
    [Fact]
    public async Task A_silo_missing_what_its_grains_need_refuses_to_start_and_names_each_gap()
    {
        using var host = TestSilo.Build(defaults: false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("StateGrain keeps state 'value' in storage 'Default', which is not configured", error.Message);
        Assert.Contains("ReminderGrain implements IRemindable but no reminder service is configured", error.Message);
        Assert.Contains("IChainGrain.CallAsync uses System.Collections.Generic.IReadOnlyList`1[System.String], which no registered JsonSerializerContext knows", error.Message);
    }

    [Fact]
    public async Task Options_that_make_no_sense_fail_the_start_with_a_clear_message()
    {
        using var host = TestSilo.Build(s => s.Configure<MessagingOptions>(o => o.ResponseTimeout = TimeSpan.Zero));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("MessagingOptions.ResponseTimeout must be positive.", error.Message);
    }

    [Fact]
    public async Task A_reminder_period_below_the_minimum_is_refused()
    {
        await using var silo = await TestSilo.StartAsync(s => s.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromMinutes(1)));

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => silo.Client.GetGrain<IReminderGrain>(TestSilo.NewKey("fast")).RegisterAsync("digest", TimeSpan.Zero, TimeSpan.FromSeconds(5)));

        Assert.Contains("the minimum is 0:01:00", error.Message);
    }
}
