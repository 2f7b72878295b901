using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace BudgetActors.Dashboard.Tests;

public sealed class DashboardStreamTests
{
    [Fact]
    public async Task The_stream_pushes_new_samples_whose_totals_follow_the_grain_calls()
    {
        await using var silo = await DashboardSilo.StartAsync();
        using var http = silo.NewHttpClient();
        await silo.LogInAsync(http);
        using var stream = await LiveStream.OpenAsync(http, "overview");
        var first = await stream.NextAsync();

        await silo.CallGrainsAsync(setups: 5);

        // Samples come once a second; read on until one holds the calls just made.
        var sample = await stream.UntilAsync(s => Calls(s) >= Calls(first) + 6);

        Assert.True(sample.GetProperty("totals").GetProperty("totalFailures").GetInt64() >= 1);
        Assert.True(sample.GetProperty("history").GetArrayLength() >= 2);
        Assert.True(DateTimeOffset.Parse(sample.GetProperty("at").GetString()!, CultureInfo.InvariantCulture)
            > DateTimeOffset.Parse(first.GetProperty("at").GetString()!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_open_stream_does_not_hold_up_a_silo_that_stops()
    {
        await using var silo = await DashboardSilo.StartAsync();
        using var http = silo.NewHttpClient();
        await silo.LogInAsync(http);
        using var stream = await LiveStream.OpenAsync(http, "overview");
        await stream.NextAsync();

        var stopping = Stopwatch.StartNew();
        await silo.StopAsync();

        // The host would wait 30 s (its shutdown timeout) for a stream that never ends.
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(15), $"stopping took {stopping.Elapsed}");
        await stream.ReadToEndAsync();
    }

    private static long Calls(JsonElement sample) => sample.GetProperty("totals").GetProperty("totalCalls").GetInt64();
}
