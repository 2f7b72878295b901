using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetActors.Dashboard.Tests;

/// <summary>
/// The Orleans dashboard's silo counters are Orleans' own metrics, which the package reads by metering every
/// grain call on every silo, watched or not (a tenth of a silo's calls/s at saturation). They are off unless
/// an operator asks for them with <c>Dashboard:SiloCounters</c>.
/// </summary>
public sealed class SiloCountersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task By_default_no_grain_call_is_metered_for_the_silo_counters_and_the_silo_page_lists_none()
    {
        await using var silo = await DashboardSilo.StartAsync();
        await silo.SetUpCompanyAsync(DashboardSilo.Company, "001", ("tower-7", "24-001"));

        Assert.Empty(MeteredOrleansInstruments(silo));
        Assert.Empty(await SiloCountersAsync(silo));
    }

    [Fact]
    public async Task With_silo_counters_on_orleans_metrics_are_metered_and_reach_the_silo_page()
    {
        await using var silo = await DashboardSilo.StartAsync(siloCounters: true);
        await silo.SetUpCompanyAsync(DashboardSilo.Company, "001", ("tower-7", "24-001"));

        Assert.NotEmpty(MeteredOrleansInstruments(silo));

        // The package's reader hands the counters to the silo once a second.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while ((await SiloCountersAsync(silo)).Count == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
    }

    /// <summary>The instruments of this silo's Orleans meter that some listener takes measurements of.</summary>
    private static List<string> MeteredOrleansInstruments(DashboardSilo silo)
    {
        var meter = silo.App.Services.GetRequiredService<OrleansInstruments>().Meter;
        var metered = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter == meter && instrument.Enabled)
                {
                    metered.Add(instrument.Name);
                }
            },
        };
        listener.Start();
        return metered;
    }

    /// <summary>The counters the Orleans dashboard's silo page shows for this silo, as an operator's browser reads them.</summary>
    private static async Task<List<JsonElement>> SiloCountersAsync(DashboardSilo silo)
    {
        using var http = silo.NewHttpClient();
        Assert.Equal(HttpStatusCode.SeeOther, (await silo.LogInAsync(http)).StatusCode);
        var answer = await http.GetAsync($"orleans/SiloCounters/{silo.Address}", Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var counters = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Ct));
        return [.. counters.RootElement.EnumerateArray().Select(c => c.Clone())];
    }
}
