using System.Diagnostics;
using System.Text.Json;

namespace BudgetActors.Dashboard.Tests;

public sealed class DashboardStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_stream_pushes_new_samples_whose_totals_follow_the_grain_calls()
    {
        await using var silo = await DashboardSilo.StartAsync();
        using var http = silo.NewHttpClient();
        await silo.LogInAsync(http);
        using var stream = await http.GetAsync("api/overview/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(Ct));
        var first = await NextSampleAsync(reader);

        await silo.CallGrainsAsync(setups: 5);

        // Samples come once a second; read on until one holds the calls just made.
        JsonElement sample;
        do
        {
            sample = await NextSampleAsync(reader);
        }
        while (sample.GetProperty("totals").GetProperty("totalCalls").GetInt64() < Calls(first) + 6);

        Assert.True(sample.GetProperty("totals").GetProperty("totalFailures").GetInt64() >= 1);
        Assert.True(sample.GetProperty("history").GetArrayLength() >= 2);
        Assert.True(DateTimeOffset.Parse(sample.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            > DateTimeOffset.Parse(first.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_open_stream_does_not_hold_up_a_silo_that_stops()
    {
        await using var silo = await DashboardSilo.StartAsync();
        using var http = silo.NewHttpClient();
        await silo.LogInAsync(http);
        using var stream = await http.GetAsync("api/overview/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(Ct));
        await NextSampleAsync(reader);

        var stopping = Stopwatch.StartNew();
        await silo.StopAsync();

        // The host would wait 30 s (its shutdown timeout) for a stream that never ends.
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(15), $"stopping took {stopping.Elapsed}");
        while (await reader.ReadLineAsync(Ct) is not null)
        {
        }
    }

    private static long Calls(JsonElement sample) => sample.GetProperty("totals").GetProperty("totalCalls").GetInt64();

    private static async Task<JsonElement> NextSampleAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync(Ct) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
            }
        }

        throw new EndOfStreamException("The event stream ended.");
    }
}
