using BudgetActors.Dashboard.Erp;
using BudgetActors.Testing;
using Microsoft.Extensions.Options;

namespace BudgetActors.Dashboard.Tests;

public sealed class ErpThroughputTests
{
    [Fact]
    public void Exports_per_second_are_the_exports_finished_between_two_readings_over_the_time_between_them()
    {
        var time = new FakeTimeProvider();
        var throughput = new ErpThroughput(time, Options.Create(new DashboardOptions { SampleInterval = TimeSpan.FromSeconds(1) }));

        Assert.Equal(0, throughput.ExportsPerSecond("spectrum:001", 100));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(25, throughput.ExportsPerSecond("spectrum:001", 150));
        Assert.Equal(0, throughput.ExportsPerSecond("vista:1", 7));

        // A second page reading at the same sample sees the same rate, not a rate over no time.
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(25, throughput.ExportsPerSecond("spectrum:001", 151));

        time.Advance(TimeSpan.FromMilliseconds(900));
        Assert.Equal(1, throughput.ExportsPerSecond("spectrum:001", 151));
    }
}
